import type { AlertRule, TriggeredAlert } from '../data/types.js';
import { listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const alertRoutes: RouteDef[] = [
  { method: 'GET', template: '/AlertRule', handle: listAlertRules },
  { method: 'GET', template: '/V4/AlertDefinitions', handle: listAlertDefinitions },
  { method: 'GET', template: '/V4/TriggeredAlerts', handle: listTriggeredAlerts },
];

/** The creator every seeded rule names. */
const CREATOR = { id: 1, name: 'admin' };
const COMMCELL_COMPANY = { id: 0, name: 'Commcell' };

/**
 * Rules are the CommCell's: a company user sees none. V1 does not say whether a rule is enabled (its
 * `status` is not that flag: V4's `enabled` is), and counts come beside the list.
 */
function listAlertRules(req: ApiRequest, ctx: SimContext): ApiResult {
  const rules = (req.scope as Scope).isAdmin ? ctx.data.alertRules : [];
  const alertList = rules.map((r: AlertRule) => ({
    alert: { id: r.id, name: r.name, GUID: r.guid },
    alertCategory: { id: r.categoryId, name: r.categoryName },
    alertType: { id: r.typeId, name: r.typeName },
    creator: CREATOR,
    status: 0,
    notifType: 1,
    createdTime: r.createdTime,
    description: r.description,
  }));
  return ok({ myReceiveTotal: alertList.length, myCreatedTotal: alertList.length, ...listOrOmit('alertList', alertList) }, 'CvAlertRule_AlertRuleResp');
}

/** V4: `enabled` per definition; `?additionalProperties=true` changes nothing the gateway reads. */
function listAlertDefinitions(req: ApiRequest, ctx: SimContext): ApiResult {
  const rules = (req.scope as Scope).isAdmin ? ctx.data.alertRules : [];
  return ok(
    { alertDefinitions: rules.map((r) => ({ id: r.id, name: r.name, type: r.typeName, company: COMMCELL_COMPANY, enabled: r.enabled })) },
    'Api_AlertDefinitionsResp',
  );
}

/** V4 is unpaged: every alert the caller may see, newest first, with the counts; the list is omitted when empty. */
function listTriggeredAlerts(req: ApiRequest, ctx: SimContext): ApiResult {
  const scope = req.scope as Scope;
  const out: Record<string, unknown>[] = [];
  for (let i = ctx.data.triggeredAlerts.length - 1; i >= 0; i--) {
    const a: TriggeredAlert = ctx.data.triggeredAlerts[i];
    if (!scope.company(a.companyId)) continue;
    out.push({ id: a.id, severity: a.severity, detectedCriterion: a.detectedCriterion, info: a.info, notes: '', type: a.type, detectedTime: a.detectedTime });
  }
  return ok({ totalCount: out.length, unreadCount: out.length, ...listOrOmit('alertsTriggered', out) }, 'Api_TriggeredAlertsResp');
}
