import { ok, type RouteDef } from '../context.js';

export const commServRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/CommServ',
    handle: (_req, ctx) => {
      const cs = ctx.data.commServ;
      return ok(
        {
          commcell: { commCellId: cs.commCellId, commCellName: cs.commCellName, csGUID: cs.csGUID, _type_: 1 },
          hostName: cs.hostName,
          csTimeZone: { TimeZoneName: cs.timeZoneName },
          timeZone: cs.timeZone,
          currentSPVersion: cs.currentSPVersion,
          csVersionInfo: cs.csVersionInfo,
          releaseName: cs.releaseName,
        },
        'App_GetCommServInfoResp',
      );
    },
  },
];
