import type { Deps } from '../../platform/deps.ts';
import { upstreamFailed } from '../../platform/http/problem.ts';
import { createOutbound } from '../../platform/outbound/client.ts';
import { GatewayError, type PaymentGateway } from '../gateways/gateway.ts';
import type { GatewayName } from './settings.model.ts';
import { gatewayCredentials } from './settings.service.ts';

/**
 * A gateway built from its stored credentials and the configured API base. Built per use: the
 * credentials may have changed since the last charge, and building one costs no request.
 * The gateway's host is the operator's choice (configuration), so it is not held to the policy
 * that keeps user-entered URLs off private addresses. The SDKs are loaded on first use: together
 * they take about a second to load, which every start and every worker would pay for nothing
 * where no gateway is set up.
 */
export async function gatewayOf(deps: Deps, name: GatewayName): Promise<PaymentGateway> {
  const credentials = await gatewayCredentials(deps, name);
  if (!credentials) throw new GatewayError(`${name} has no credentials`, false);
  const timeoutMs = deps.config.outboundTimeoutMs;
  const outbound = createOutbound({ timeoutMs, blockPrivateAddresses: false, userAgent: 'Upkeep billing' });
  if (name === 'stripe') {
    const { StripeGateway } = await import('../gateways/stripe/adapter.ts');
    return new StripeGateway({ secretKey: String(credentials.secretKey ?? ''), ...(deps.config.stripeApiUrl ? { apiBase: deps.config.stripeApiUrl } : {}), timeoutMs, outbound, logger: deps.logger });
  }
  const { PaypalGateway } = await import('../gateways/paypal/adapter.ts');
  return new PaypalGateway({
    clientId: String(credentials.clientId ?? ''),
    clientSecret: String(credentials.clientSecret ?? ''),
    webhookId: String(credentials.webhookId ?? ''),
    apiBase: deps.config.paypalApiUrl,
    timeoutMs,
    outbound,
  });
}

/** For requests a person waits on: a gateway's failure becomes a 502 saying which gateway and why. */
export async function askGateway<T>(name: GatewayName, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GatewayError) throw upstreamFailed(`${name === 'stripe' ? 'Stripe' : 'PayPal'} did not do it: ${err.message}`);
    throw err;
  }
}
