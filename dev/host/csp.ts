/**
 * The Content-Security-Policy Forge serves each Custom UI page with, worked out by Atlassian's own
 * @forge/csp exactly as Forge's CDN does: CSPProcessingService reads the manifest's
 * `permissions.content` and `permissions.external` and the page itself (hashes of inline scripts,
 * a deprecated CSP meta tag), and CSPInjectionService.getInjectableCSP gives the header, iframe
 * `sandbox` included. Two things differ, and only in naming: the Jira site is the local host's
 * origin (Forge passes the product's site as `hostname`), and violations are reported to the
 * resources origin (CSP_REPORT_PATH), which prints them, instead of Atlassian's collector.
 * Nothing is loosened: what the manifest does not grant fails here as it would in Jira.
 */
import path from 'node:path';
import { ConfigFile, FileSystemReader, FileSystemWriter } from '@forge/cli-shared';
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';
import { load } from 'cheerio';
import type { Origins } from './guards';

/** Where the frames' browsers send their violation reports (the policy's `report-uri`). */
export const CSP_REPORT_PATH = '/__host/csp-report';

const ROOT = path.resolve(__dirname, '../..');

/** Reads manifest.yml from the repository, whatever the working directory, as `forge deploy` reads it. */
class RepositoryReader extends FileSystemReader {
  override readFile(filePath: string): string | undefined {
    return super.readFile(path.resolve(ROOT, filePath));
  }
}

/** The manifest's `permissions`, parsed by Forge's own manifest reader. */
export async function manifestPermissions(): Promise<Permissions> {
  const manifest = await new ConfigFile(new RepositoryReader(), new FileSystemWriter()).readConfig();
  return manifest.permissions ?? {};
}

const processing = new CSPProcessingService({ info: () => undefined }, load);
const injection = new CSPInjectionService();

/** The policy Forge would send with `html`, one directive per entry, for the host's origins. */
export function forgeDirectives(html: string, permissions: Permissions, origins: Origins): string[] {
  const existingCSPDetails = processing.getCspDetails(html, permissions);
  return injection
    .getInjectableCSP({ existingCSPDetails, microsEnv: 'prod', hostname: origins.host })
    .map((directive) =>
      directive.startsWith('report-uri ') ? `report-uri ${origins.resources}${CSP_REPORT_PATH}` : directive,
    );
}

/** The header value: the directives joined as a browser reads them. */
export const forgePolicy = (html: string, permissions: Permissions, origins: Origins): string =>
  forgeDirectives(html, permissions, origins).join('; ');
