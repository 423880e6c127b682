import type { Page } from 'playwright-core';

/** Drops files on the drop zone the way a file manager does (a DataTransfer with File objects). */
export async function dropFiles(page: Page, files: { name: string; text: string }[], on = '[data-testid="statement-drop"]'): Promise<boolean> {
  // a string, because the tests are typed without the DOM library; answers whether the page kept the browser from opening the file
  return (await page.evaluate(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.text], f.name, { type: 'application/octet-stream' }));
    const target = document.querySelector(${JSON.stringify(on)});
    let prevented = true;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      if (type !== 'dragenter') prevented = prevented && event.defaultPrevented;
    }
    return prevented;
  })()`)) as boolean;
}
