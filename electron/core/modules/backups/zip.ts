import yauzl from 'yauzl';
import yazl from 'yazl';

/** Promise wrappers over yazl/yauzl: the only zip code in the app. */
export function zipEntries(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) zip.addBuffer(e.data, e.name);
    const chunks: Buffer[] = [];
    zip.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
    zip.end();
  });
}

export function unzipEntries(data: Buffer, maxBytes = 4 * 1024 ** 3): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const out = new Map<string, Buffer>();
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        total += entry.uncompressedSize;
        if (total > maxBytes) return reject(new Error('too large'));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('zip entry'));
          const chunks: Buffer[] = [];
          stream
            .on('data', (c: Buffer) => chunks.push(c))
            .on('end', () => {
              out.set(entry.fileName, Buffer.concat(chunks));
              zip.readEntry();
            })
            .on('error', reject);
        });
      });
      zip.on('end', () => resolve(out)).on('error', reject);
      zip.readEntry();
    });
  });
}
