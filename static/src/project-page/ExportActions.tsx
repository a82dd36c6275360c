import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ProjectReport } from '../../../src/contract/invoke';
import { rawText } from '../shared/api-error';
import { ErrorDetails } from '../shared/components/ErrorDetails';

/**
 * Download CSV / JSON, Print, Reload. The export code (CSV writer, Blob download) is loaded on the
 * first click, so it stays out of the page's first load.
 */
export function ExportActions({ report, onReload }: { report: ProjectReport; onReload: () => void }) {
  // What the browser said when a download failed, for the details only.
  const [failure, setFailure] = useState<string | null>(null);
  const run = (what: 'csv' | 'json') => {
    setFailure(null);
    import('./exports')
      .then((exports) => (what === 'csv' ? exports.downloadCsv(report) : exports.downloadJson(report)))
      .catch((error: unknown) => setFailure(rawText(error)));
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
        {failure !== null ? (
          <div role="alert">
            <Stack space="space.050">
              <Text color="color.text.danger">
                The download failed. Try again; if it keeps happening, reload the page.
              </Text>
              <ErrorDetails raw={failure} />
            </Stack>
          </div>
        ) : null}
      </Inline>
    </div>
  );
}
