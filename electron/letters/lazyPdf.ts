/**
 * pdfkit (with its fonts and compression tables) is the heaviest module Penning loads; only the
 * methods that render a PDF pay for it, so `penning status` and the app's first screen start fast.
 */
export async function pdfModules() {
  const [invoice, batch, zip] = await Promise.all([import('./invoicePdf'), import('./batchReport'), import('./zip')]);
  return { renderInvoicePdf: invoice.renderInvoicePdf, renderBatchReport: batch.renderBatchReport, renderSpecifications: batch.renderSpecifications, zipStored: zip.zipStored };
}

/** The dunning run's letters, drafts and hand-over package: pdfkit, qrcode and any-ascii, loaded when a run writes its files. */
export async function dunningLetterModules() {
  const [letters, handOver] = await Promise.all([import('../dunning/renderLetters'), import('../dunning/handOver')]);
  return { renderDunningLetters: letters.renderDunningLetters, handOverPackage: handOver.handOverPackage };
}
