import { isRecord } from '../core/guards';
import type { RemoteLinkFact } from '../core/substance-types';

/** `GET /rest/api/3/issue/{key}/remotelink` (an array of links) as the facts the engine reads. */
export function toRemoteLinks(body: unknown): RemoteLinkFact[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((link): RemoteLinkFact[] => {
    if (!isRecord(link) || !isRecord(link.object) || typeof link.object.url !== 'string') return [];
    const fact: RemoteLinkFact = { url: link.object.url };
    if (typeof link.relationship === 'string') fact.relationship = link.relationship;
    return [fact];
  });
}
