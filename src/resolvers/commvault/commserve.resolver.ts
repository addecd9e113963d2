import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type {
  CvActivityControl,
  CvCommServe,
  CvDrBackupSettings,
  CvHealthCondition,
  CvLicence,
  CvRegistration,
} from '../../datasources/commvault/commserve-model.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { badUserInput } from '../../errors/gateway-error.js';
import {
  ActivityControl,
  CommServe,
  CommServeDrBackup,
  CommServeHealthCondition,
  CommServeLicence,
  CommServeRegistration,
} from '../../schema/commvault/commserve.type.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { Upstream } from '../../schema/unified/upstream.type.js';
import { commvaultSource, commvaultSources } from './sources.js';

/** Longest health-condition window one query may ask for: 30 days. */
export const MAX_CONDITION_HOURS = 720;

/** `Upstream.commServe`: a Commvault upstream's CommServe; null for any other upstream (no call). */
@Resolver(() => Upstream)
export class CommServeOfUpstreamResolver {
  @FieldResolver(() => CommServe, {
    nullable: true,
    description: 'The CommServe of a Commvault upstream (`GET /CommServ`); null for a Backup and DR console.',
  })
  async commServe(@Root() upstream: UpstreamRef, @Ctx() ctx: GatewayContext): Promise<CvCommServe | null> {
    const source = commvaultSources(ctx).find((s) => s.instanceId === upstream.id);
    return source ? source.getCommServe() : null;
  }
}

/** The CommServe's own reads, each one upstream call and only when selected (docs/schema.md, "CommServe"). */
@Resolver(() => CommServe)
export class CommServeResolver {
  @FieldResolver(() => CommServeLicence, { nullable: true, description: '`GET /V4/License`; null where the CommServe has no V4 licence read (404).' })
  licence(@Root() cs: CvCommServe, @Ctx() ctx: GatewayContext): Promise<CvLicence | null> {
    return commvaultSource(ctx, cs.upstream.id).getLicence();
  }

  @FieldResolver(() => CommServeRegistration, { description: '`GET /CommcellRegistrationInformation`.' })
  registration(@Root() cs: CvCommServe, @Ctx() ctx: GatewayContext): Promise<CvRegistration> {
    return commvaultSource(ctx, cs.upstream.id).getRegistration();
  }

  @FieldResolver(() => [CommServeHealthCondition], {
    description:
      'What the CommServe reports about itself and its clients since `sinceHours` ago (`GET /V4/AnomalousConditions`): high CPU or memory use, offline clients, anomalous runtimes and events. Newest first.',
  })
  healthConditions(
    @Root() cs: CvCommServe,
    @Arg('sinceHours', () => Int, { defaultValue: 24, description: `1 to ${MAX_CONDITION_HOURS}.` }) sinceHours: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CvHealthCondition[]> {
    if (!Number.isInteger(sinceHours) || sinceHours < 1 || sinceHours > MAX_CONDITION_HOURS) {
      throw badUserInput(`sinceHours must be 1 to ${MAX_CONDITION_HOURS}`);
    }
    return commvaultSource(ctx, cs.upstream.id).listHealthConditions(new Date(Date.now() - sinceHours * 3_600_000));
  }

  @FieldResolver(() => [ActivityControl], {
    description: 'Each activity of the CommCell enabled or not (`GET /V4/CommCell/ActivityControl`), by code. Change it with enableActivity / disableActivity.',
  })
  activityControl(@Root() cs: CvCommServe, @Ctx() ctx: GatewayContext): Promise<CvActivityControl[]> {
    return commvaultSource(ctx, cs.upstream.id).getActivityControl();
  }

  @FieldResolver(() => CommServeDrBackup, { description: 'DR backup settings (`GET /Commcell/DRBackup/Properties`) and the last DR backup job.' })
  disasterRecoveryBackup(@Root() cs: CvCommServe, @Ctx() ctx: GatewayContext): Promise<CvDrBackupSettings> {
    return commvaultSource(ctx, cs.upstream.id).getDrBackupSettings();
  }
}

@Resolver(() => CommServeDrBackup)
export class CommServeDrBackupResolver {
  @FieldResolver(() => CommvaultJob, {
    nullable: true,
    description: 'The newest DR backup job, running or finished (`GET /Job?jobFilter=DR Backup`, one job); null when there has been none in the lookup year.',
  })
  lastJob(@Root() dr: CvDrBackupSettings, @Ctx() ctx: GatewayContext): Promise<CvJob | null> {
    return commvaultSource(ctx, dr.upstream.id).lastDrBackupJob();
  }
}
