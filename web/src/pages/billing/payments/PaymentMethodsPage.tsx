import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClients } from '../../../api/clients.ts';
import { canPay, finishMethodSetup, makeDefaultMethod, methodsKey, removeMethod, startMethodSetup, usePaymentMethods, type PaymentMethod } from '../../../api/payments.ts';
import { isStaff, useSession } from '../../../api/session.tsx';
import { usePaymentI18n } from './i18n.ts';
import { MethodList } from './methods/MethodList.tsx';
import { Notice, Problem, problemText } from './parts.tsx';

/**
 * A client's saved payment methods. A client's portal user sees its own client's; staff choose a
 * client (`?client=`). A method is added on the gateway's hosted page — Upkeep never sees a card
 * number — which sends the browser back here with `?setup=<id>`: the page then asks the API to
 * take what was saved there.
 */
export function PaymentMethodsPage() {
  const { t } = usePaymentI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const staff = isStaff(user);
  const clientId = staff ? (params.get('client') ?? '') : (user?.clientId ?? '');
  const clients = useClients();
  const methods = usePaymentMethods(clientId || null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const writable = canPay(user);
  const returned = useReturnFromSetup((clientOfSetup) => {
    const next = new URLSearchParams();
    if (staff) next.set('client', clientOfSetup);
    setParams(next, { replace: true });
  }, setProblem);
  const clientName = clients.data?.items.find((c) => c.id === clientId)?.name;

  const chooseClient = (id: string) => {
    const next = new URLSearchParams();
    if (id) next.set('client', id);
    setNotice(null);
    setProblem(null);
    setParams(next, { replace: true });
  };
  const run = async (work: () => Promise<PaymentMethod[]>, message: string) => {
    setBusy(true);
    try {
      queries.setQueryData(methodsKey(clientId), await work());
      setProblem(null);
      setNotice(message);
    } catch (err) {
      setNotice(null);
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    setBusy(true);
    try {
      const setup = await startMethodSetup(clientId);
      // The gateway's own page: the card is typed there, never here.
      window.location.assign(setup.url);
    } catch (err) {
      setProblem(problemText(err));
      setBusy(false);
    }
  };

  return (
    <section className="pay-methods-page">
      <div className="page-head">
        <h1>{t('pay.methods.title')}</h1>
        {writable && clientId && <button type="button" disabled={busy} onClick={() => void add()}>{t('pay.methods.add')}</button>}
      </div>
      <p className="muted">{t('pay.methods.intro')}</p>
      {staff && (
        <div className="filters" role="search">
          <label>{t('billing.client')}
            <select value={clientId} onChange={(e) => chooseClient(e.target.value)}>
              <option value="">{t('pay.methods.chooseClient')}</option>
              {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        </div>
      )}
      {returned === 'finishing' && <p className="loading" role="status">{t('pay.methods.finishing')}</p>}
      {returned === 'saved' && <p className="billing-flash" role="status">{t('pay.methods.saved')}</p>}
      {returned === 'nothing' && <p className="alert" role="alert">{t('pay.methods.notSaved')}</p>}
      <Notice text={notice} />
      <Problem text={problem} />
      {!clientId && staff && <p className="empty">{t('pay.methods.pickClient')}</p>}
      {methods.isError && <p className="alert" role="alert">{problemText(methods.error)}</p>}
      {methods.isPending && clientId && <p className="loading">{t('common.loading')}</p>}
      {methods.data && (
        <MethodList
          methods={methods.data}
          clientName={staff ? clientName : undefined}
          writable={writable}
          busy={busy}
          onMakeDefault={(m) => void run(() => makeDefaultMethod(clientId, m.id), t('pay.methods.madeDefault', { label: m.label }))}
          onRemove={(m) => {
            if (window.confirm(t('pay.methods.removeConfirm', { label: m.label }))) void run(() => removeMethod(clientId, m.id), t('pay.methods.removed', { label: m.label }));
          }}
        />
      )}
    </section>
  );
}

/**
 * Back from the gateway's page with `?setup=<id>`: ask the API once to take the method saved
 * there (the address is then cleaned, so a reload does not ask again).
 */
function useReturnFromSetup(onFinished: (clientId: string) => void, onProblem: (text: string) => void): 'finishing' | 'saved' | 'nothing' | null {
  const [params] = useSearchParams();
  const queries = useQueryClient();
  const setupId = params.get('setup');
  const asked = useRef<string | null>(null);
  const [outcome, setOutcome] = useState<'finishing' | 'saved' | 'nothing' | null>(setupId ? 'finishing' : null);
  useEffect(() => {
    if (!setupId || asked.current === setupId) return;
    asked.current = setupId;
    setOutcome('finishing');
    finishMethodSetup(setupId)
      .then((result) => {
        queries.setQueryData(methodsKey(result.clientId), result.items);
        setOutcome(result.items.length > 0 ? 'saved' : 'nothing');
        onFinished(result.clientId);
      })
      .catch((err: unknown) => {
        setOutcome(null);
        onProblem(problemText(err));
      });
  }, [setupId, queries, onFinished, onProblem]);
  return outcome;
}
