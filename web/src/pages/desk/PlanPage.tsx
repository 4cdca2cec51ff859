import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { deletePlan, useCalendars, usePlan, type SlaPlan } from './plans/api.ts';
import { DeleteButton } from './plans/DeleteButton.tsx';
import { PlanForm } from './plans/PlanForm.tsx';
import { TargetsPreview } from './plans/TargetsPreview.tsx';

/** One SLA plan, edited: terms per severity, support hours, channels, uptime guarantee and credits, fee. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const plan = usePlan(id);
  const calendars = useCalendars();
  const clients = useClients();
  if (plan.isError) return <p className="alert" role="alert">{plan.error instanceof ApiError && plan.error.status === 404 ? t('deskPlan.notFound') : plan.error.message}</p>;
  if (!plan.data || !calendars.data) return <p className="loading">{t('common.loading')}</p>;
  return (
    <section className="desk-plan">
      <p><Link to="/desk/plans">{t('deskPlan.back')}</Link></p>
      <PlanHead plan={plan.data} />
      <TargetsPreview planId={plan.data.id} />
      {/* Keyed by the plan: going to another plan starts its form afresh. */}
      <PlanForm key={plan.data.id} plan={plan.data} calendars={calendars.data.items} currency={clients.data?.items.find((c) => c.id === plan.data.clientId)?.currency} />
    </section>
  );
}

function PlanHead({ plan }: { plan: SlaPlan }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const remove = async () => {
    await deletePlan(plan.id);
    await queries.invalidateQueries({ queryKey: ['sla-plans'] });
    navigate('/desk/plans');
  };
  return (
    <>
      <div className="page-head">
        <h1>{plan.name}</h1>
        {!plan.isDefault && <DeleteButton label={t('deskPlan.delete')} question={t('deskPlan.delete.confirm', { client: plan.clientName ?? '' })} onDelete={remove} />}
      </div>
      <p className="muted">
        {plan.isDefault ? t('deskPlan.isDefault') : <>{t('deskPlan.agreedWith')} <Link to={`/desk/sla?clientId=${plan.clientId}`}>{plan.clientName}</Link></>}
      </p>
    </>
  );
}
