import type { Prng } from '../../common/prng.js';
import type { AlertRule, SimEvent, TriggeredAlert, TriggeredAlertSeverity } from './types.js';

const FIRST_RULE_ID = 7;
const FIRST_TRIGGERED_ID = 55_001;
/** When the rules were made: a fixed day, so `createdTime` does not move with the clock. */
const RULES_CREATED_AT = 1_700_000_000;

/**
 * A rule and the events it fires on (by `eventCodeString`). `severity` is what the triggered alert shows:
 * a fixed one, or AUTO_PICK (Commvault then takes the event's own, which `GET /V4/TriggeredAlerts` does
 * not reveal: the alert shows AUTO_PICK).
 */
interface RuleDraft {
  name: string;
  category: [number, string];
  type: [number, string];
  enabled: boolean;
  description: string;
  eventCodes: readonly string[];
  severity: TriggeredAlertSeverity | 'FROM_EVENT';
}

const RULES: readonly RuleDraft[] = [
  { name: 'Job Failed', category: [1, 'Job Management'], type: [3, 'Data Protection'], enabled: true, description: 'A backup or restore job failed.', eventCodes: ['19:122'], severity: 'FROM_EVENT' },
  { name: 'Job Killed', category: [1, 'Job Management'], type: [3, 'Data Protection'], enabled: true, description: '', eventCodes: ['19:857'], severity: 'AUTO_PICK' },
  { name: 'Job Completed with Errors', category: [1, 'Job Management'], type: [3, 'Data Protection'], enabled: false, description: 'Disabled: too noisy on file servers.', eventCodes: ['7:98'], severity: 'MAJOR' },
  { name: 'MediaAgent Offline', category: [2, 'Configuration'], type: [8, 'MediaAgents'], enabled: true, description: '', eventCodes: ['11:1'], severity: 'CRITICAL' },
  { name: 'Storage Pool Low Space', category: [4, 'Media Management'], type: [12, 'Storage Pool'], enabled: true, description: 'Free space below 20 %.', eventCodes: ['13:104'], severity: 'FROM_EVENT' },
  { name: 'DDB Q&I Time High', category: [4, 'Media Management'], type: [14, 'Deduplication'], enabled: true, description: '', eventCodes: ['62:311'], severity: 'MAJOR' },
  { name: 'Data Aging Finished', category: [1, 'Job Management'], type: [5, 'Data Aging'], enabled: false, description: '', eventCodes: ['19:1421'], severity: 'INFORMATION' },
  { name: 'Services Checked', category: [2, 'Configuration'], type: [9, 'CommServe'], enabled: true, description: 'Daily check of the CommServe services.', eventCodes: ['2:4'], severity: 'INFORMATION' },
];

/** The V4 severity of an alert raised for an event of Commvault severity 0/3/6/9 (no MINOR in V4: it counts as MAJOR). */
const fromEvent = (severity: number): TriggeredAlertSeverity => (severity >= 9 ? 'CRITICAL' : severity >= 3 ? 'MAJOR' : 'INFORMATION');

/**
 * Alert rules, and the alerts the enabled ones triggered: one per event whose code a rule watches,
 * detected a few seconds to two minutes after the event. Ids follow detection time.
 */
export function makeAlerts(random: Prng, events: readonly SimEvent[]): { alertRules: AlertRule[]; triggeredAlerts: TriggeredAlert[] } {
  const alertRules: AlertRule[] = RULES.map((r, i) => ({
    id: FIRST_RULE_ID + i,
    name: r.name,
    guid: random.guid(),
    categoryId: r.category[0],
    categoryName: r.category[1],
    typeId: r.type[0],
    typeName: r.type[1],
    enabled: r.enabled,
    description: r.description,
    createdTime: RULES_CREATED_AT + i * 86_400,
  }));
  const watching = new Map<string, { rule: AlertRule; draft: RuleDraft }>();
  RULES.forEach((draft, i) => {
    if (draft.enabled) for (const c of draft.eventCodes) watching.set(c, { rule: alertRules[i], draft });
  });
  const drafts: Omit<TriggeredAlert, 'id'>[] = [];
  for (const e of events) {
    const hit = watching.get(e.eventCodeString);
    if (!hit) continue;
    drafts.push({
      ruleId: hit.rule.id,
      severity: hit.draft.severity === 'FROM_EVENT' ? fromEvent(e.severity) : hit.draft.severity,
      detectedCriterion: hit.rule.name,
      info: e.description,
      type: `${hit.rule.categoryName} - ${hit.rule.typeName}`,
      detectedTime: e.timeSource + random.int(5, 120),
      eventId: e.id,
      clientId: e.clientId,
      companyId: e.companyId,
    });
  }
  drafts.sort((a, b) => a.detectedTime - b.detectedTime || a.eventId - b.eventId);
  return { alertRules, triggeredAlerts: drafts.map((d, i) => ({ id: FIRST_TRIGGERED_ID + i, ...d })) };
}
