import type { ProjectReport } from '../../../src/contract/invoke';
import { listed } from '../../../src/core/words';
import { PageLayout } from '../shared/components/PageLayout';
import { upcomingFixAction } from '../shared/fix';
import { CategoryTable } from './CategoryTable';
import { ExportActions } from './ExportActions';
import { FindingList } from './FindingList';
import { FixFirst, offersCreate, toFixFirst } from './FixFirst';
import { ItemList } from './ItemList';
import { NoEvidence } from './NoEvidence';
import { ReportSummary } from './ReportSummary';
import { TimelineSection } from './timeline/TimelineSection';

/** "project ISMS", or the scope (spec 11): "projects ISMS and Board of Directors (BOARD)". */
function scopeLine(report: ProjectReport): string {
  const visible = report.projects.filter((p) => p.visible);
  if (visible.length <= 1) return `project ${report.projectKey}`;
  return `projects ${listed(visible.map((p, i) => (i === 0 ? p.key : `${p.name} (${p.key})`)))}`;
}

export function ReportView({ report, onReload }: { report: ProjectReport; onReload: () => void }) {
  return (
    <PageLayout
      title={`Clause 5.1 coverage: ${report.projectName}`}
      subtitle={`ISO/IEC 27001:2022 Clause 5.1, leadership and commitment · ${scopeLine(report)}`}
      actions={<ExportActions report={report} onReload={onReload} />}
    >
      <ReportSummary report={report} />
      {report.evidenceIssueCount === 0 ? (
        <NoEvidence report={report} />
      ) : (
        <>
          {/* What to fix before the audit comes first; the detail behind it follows. */}
          <FixFirst report={report} />
          <CategoryTable categories={report.categories} />
          <ItemList report={report} />
          <TimelineSection report={report} upcomingAction={upcomingFixAction(report.fixes)} />
          <FindingList
            findings={report.findings}
            fixes={report.fixes}
            offersCreate={(finding) => offersCreate(finding, report.findings) && toFixFirst([finding]).length === 0}
          />
        </>
      )}
    </PageLayout>
  );
}
