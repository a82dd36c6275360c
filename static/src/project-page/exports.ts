/** The audit-file exports, loaded on demand by ExportActions. */
import type { ProjectReport } from '../../../src/contract/invoke';
import { reportToCsv } from '../../../src/export/csv';
import { downloadText } from '../shared/download';

export const exportFileName = (report: ProjectReport, extension: 'csv' | 'json'): string =>
  `clause-5.1-${report.projectKey}-${report.asOf}.${extension}`;

export function downloadCsv(report: ProjectReport): void {
  downloadText(exportFileName(report, 'csv'), reportToCsv(report), 'text/csv;charset=utf-8');
}

export function downloadJson(report: ProjectReport): void {
  downloadText(exportFileName(report, 'json'), `${JSON.stringify(report, null, 2)}\n`, 'application/json');
}
