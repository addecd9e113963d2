import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvPlan, CvRef, CvStoragePolicy } from '../../datasources/commvault/model.js';
import type {
  CvBackupWindow, CvPlanBackupDestination, CvPlanEntityCount, CvPlanProperties, CvPlanSchedule, CvPlanSla, CvServerPlan,
} from '../../datasources/commvault/protection-model.js';
import { toStoragePolicyRef } from '../../datasources/commvault/mappers/storage-policy.js';
import { CommvaultNamedRef } from '../../schema/commvault/admin-operations.payload.js';
import {
  CommvaultBackupWindow, CommvaultPlanBackupDestination, CommvaultPlanEntityCount, CommvaultPlanSchedule, CommvaultPlanSla,
} from '../../schema/commvault/plan-detail.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy } from '../../schema/commvault/storage-policy.type.js';
import { commvaultSource } from './sources.js';

/**
 * A plan in detail (docs/schema.md, "Plans and retention"): its backup destinations with their retention
 * (`GET /V4/ServerPlan/{id}/BackupDestinations`), windows, RPO schedules, SLA and protected entities
 * (`GET /V4/ServerPlan/{id}`), and what only the legacy detail names (`GET /V2/Plan/{id}`). Each call is
 * cached per plan, so fields reading the same answer cost one call.
 */
@Resolver(() => CommvaultPlan)
export class CommvaultPlanDetailResolver {
  @FieldResolver(() => [CommvaultPlanBackupDestination], { nullable: true, description: 'The plan\'s copies with their retention; null when the CommServe has no V4 plan by this id.' })
  async backupDestinations(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvPlanBackupDestination[] | null> {
    return commvaultSource(ctx, p.upstream.id).listPlanBackupDestinations(p.planId);
  }

  @FieldResolver(() => [CommvaultBackupWindow], { nullable: true, description: 'When backups may run (`rpo.backupWindow`); empty: any time.' })
  async backupWindows(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvBackupWindow[] | null> {
    return (await serverPlan(p, ctx))?.backupWindows ?? null;
  }

  @FieldResolver(() => [CommvaultBackupWindow], { nullable: true, description: 'When full backups may run (`rpo.fullBackupWindow`).' })
  async fullBackupWindows(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvBackupWindow[] | null> {
    return (await serverPlan(p, ctx))?.fullBackupWindows ?? null;
  }

  @FieldResolver(() => [CommvaultPlanSchedule], { nullable: true, description: 'The schedules that meet the plan\'s RPO, as the plan read gives them.' })
  async rpoSchedules(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvPlanSchedule[] | null> {
    return (await serverPlan(p, ctx))?.schedules ?? null;
  }

  @FieldResolver(() => CommvaultPlanSla, { nullable: true })
  async sla(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvPlanSla | null> {
    return (await serverPlan(p, ctx))?.sla ?? null;
  }

  @FieldResolver(() => [CommvaultPlanEntityCount], { nullable: true, description: 'The kinds of workload the plan protects and how many of each (`associatedEntities`).' })
  async protectedEntities(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvPlanEntityCount[] | null> {
    return (await serverPlan(p, ctx))?.associatedEntities ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'ENABLED, DISABLED, INCOMPLETE, HIDDEN or BACKUP_DISABLED.' })
  async status(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await serverPlan(p, ctx))?.status ?? null;
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Workload solutions the plan supports (`options.supportedWorkloads`, legacy detail).' })
  async supportedWorkloads(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<string[] | null> {
    return (await properties(p, ctx))?.supportedWorkloads ?? null;
  }

  @FieldResolver(() => CommvaultStoragePolicy, { nullable: true, description: 'The plan\'s storage policy: its copies are the backup destinations.' })
  async storagePolicy(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvStoragePolicy | null> {
    return toStoragePolicyRef(p.upstream, (await properties(p, ctx))?.storagePolicy ?? null);
  }

  @FieldResolver(() => CommvaultNamedRef, { nullable: true, description: 'The schedule policy holding the plan\'s data schedules (task id and name).' })
  async schedulePolicy(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvRef | null> {
    return (await properties(p, ctx))?.schedulePolicy ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The SLA, minutes (legacy detail).' })
  async slaMinutes(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await properties(p, ctx))?.slaMinutes ?? null;
  }
}

function serverPlan(p: CvPlan, ctx: GatewayContext): Promise<CvServerPlan | null> {
  return commvaultSource(ctx, p.upstream.id).getServerPlan(p.planId);
}

function properties(p: CvPlan, ctx: GatewayContext): Promise<CvPlanProperties | null> {
  return commvaultSource(ctx, p.upstream.id).getPlanProperties(p.planId);
}
