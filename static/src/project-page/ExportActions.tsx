import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { ProjectReport } from '../../../src/contract/invoke';

/**
 * Download CSV / JSON, Print, Reload. The export code (CSV writer, Blob download) is loaded on the
 * first click, so it stays out of the page's first load.
 */
export function ExportActions({ report, onReload }: { report: ProjectReport; onReload: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = (what: 'csv' | 'json') => {
    setProblem(null);
    import('./exports')
      .then((exports) => (what === 'csv' ? exports.downloadCsv(report) : exports.downloadJson(report)))
      .catch((error: unknown) =>
        setProblem(`The download failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  return (
    <div className="c51-no-print">
      <Inline space="space.100" shouldWrap alignBlock="center">
        <Button onClick={() => run('csv')}>Download CSV</Button>
        <Button onClick={() => run('json')}>Download JSON</Button>
        <Button onClick={() => window.print()}>Print</Button>
        <Button appearance="subtle" onClick={onReload}>
          Reload
        </Button>
        {problem ? (
          <Text color="color.text.danger" role="alert">
            {problem}
          </Text>
        ) : null}
      </Inline>
    </div>
  );
}
