import { call } from '../../api/client';
import { downloadFile } from '../../components/download';

/** Every file of a batch, fetched again from the ledger (identical to the first save) and downloaded. */
export async function downloadBatchFiles(batch: { id: number; fileCount: number }): Promise<void> {
  for (let fileNo = 1; fileNo <= batch.fileCount; fileNo++) {
    const file = await call('batches.file', { id: batch.id, fileNo });
    downloadFile(file.fileName, file.xml, 'application/xml');
  }
}
