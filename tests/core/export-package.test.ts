import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { digestBuffer, digestFile } from '../../electron/core/modules/exports/digest.ts';
import { MANIFEST, verifyPackage, writePackage } from '../../electron/core/modules/exports/package.ts';
import type { PackageManifest } from '../../shared/entities/export-package.ts';
import { tempDir } from '../support/core.ts';

const BASE: Omit<PackageManifest, 'files'> = {
  format: 'enforce-desk/upload-package',
  formatVersion: 1,
  kind: 'full',
  unit: { agencyName: '示例县应急管理局', regionCode: '511722' },
  period: { from: null, to: '2026-11-25' },
  appVersion: '0.0.0-test',
  auditHead: 'a'.repeat(64),
  base: null,
  removed: {},
  counts: { enterprises: 2 },
  overrides: [],
};

/** Rewrites a zip, entry by entry, letting `change` alter a file's bytes (or drop it with null). */
async function rewrite(file: string, change: (name: string, data: Buffer) => Buffer | null): Promise<string> {
  const kept = [...(await unzipEntries(fs.readFileSync(file)))]
    .map(([name, data]) => ({ name, data: change(name, data) }))
    .filter((e): e is { name: string; data: Buffer } => e.data !== null);
  const target = `${file}.changed.zip`;
  fs.writeFileSync(target, await zipEntries(kept));
  return target;
}

describe('the upload package container', () => {
  it('computes SM3 as GB/T 32905 gives its test vectors, and SHA-256 beside it', async () => {
    expect((await digestBuffer(Buffer.from('abc'))).sm3).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect((await digestBuffer(Buffer.from('abcd'.repeat(16)))).sm3).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
    expect((await digestBuffer(Buffer.from('abc'))).sha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('writes files and a manifest of their digests, which the check finds whole', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'stored.pdf');
    fs.writeFileSync(pdf, Buffer.alloc(300_000, 7));
    const target = path.join(dir, 'package.zip');
    const { manifest } = await writePackage(
      target,
      [
        { path: 'data/enterprises.jsonl', data: Buffer.from('{"id":1}\n{"id":2}\n') },
        { path: 'documents/示应急罚决〔2026〕1号.pdf', file: pdf },
      ],
      BASE,
    );
    expect(manifest.files.map((f) => f.path)).toEqual([
      'data/enterprises.jsonl',
      'documents/示应急罚决〔2026〕1号.pdf',
    ]);
    expect(manifest.files[1]).toMatchObject({ ...(await digestFile(pdf)), bytes: 300_000 });
    const report = await verifyPackage(target);
    expect(report).toMatchObject({ ok: true, files: 2, problems: [] });
    expect(report.manifest).toEqual(manifest);
    expect(fs.readdirSync(dir).sort()).toEqual(['package.zip', 'stored.pdf']);
  });

  it('catches a changed file, a changed manifest, a missing file and one slipped in', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'package.zip');
    await writePackage(
      target,
      [
        { path: 'data/enterprises.jsonl', data: Buffer.from('{"id":1}\n') },
        { path: 'data/cases.jsonl', data: Buffer.from('{"id":7}\n') },
      ],
      BASE,
    );
    const codes = async (f: string) => (await verifyPackage(f)).problems.map((p) => `${p.code} ${p.path}`);
    // One byte changed, the size kept: both digests disagree.
    const edited = await rewrite(target, (n, d) => (n === 'data/cases.jsonl' ? Buffer.from('{"id":8}\n') : d));
    expect(await codes(edited)).toEqual(['sha256-mismatch data/cases.jsonl', 'sm3-mismatch data/cases.jsonl']);
    const longer = await rewrite(target, (n, d) => (n === 'data/cases.jsonl' ? Buffer.from('{"id":80}\n') : d));
    expect(await codes(longer)).toEqual(['size-mismatch data/cases.jsonl']);
    const dropped = await rewrite(target, (n, d) => (n === 'data/cases.jsonl' ? null : d));
    expect(await codes(dropped)).toEqual(['file-missing data/cases.jsonl']);
    // A manifest that is not one (a format this reader does not know) is refused whole.
    const badManifest = await rewrite(target, (n, d) =>
      n === MANIFEST ? Buffer.from(d.toString().replace('"formatVersion": 1', '"formatVersion": 9')) : d,
    );
    expect(await codes(badManifest)).toEqual([`manifest-invalid ${MANIFEST}`]);
    const noManifest = await rewrite(target, (n, d) => (n === MANIFEST ? null : d));
    expect(await codes(noManifest)).toEqual([`manifest-missing ${MANIFEST}`]);
    fs.writeFileSync(path.join(dir, 'junk.zip'), 'not a zip at all');
    expect(await codes(path.join(dir, 'junk.zip'))).toEqual(['not-a-zip null']);
  });

  it('finds a file the manifest does not list', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'package.zip');
    await writePackage(target, [{ path: 'data/enterprises.jsonl', data: Buffer.from('{"id":1}\n') }], BASE);
    const zip = new yazl.ZipFile();
    const added = path.join(dir, 'added.zip');
    // The same entries plus one.
    const withExtra = await rewrite(target, (_n, d) => d);
    await new Promise<void>((resolve, reject) =>
      yauzl.open(withExtra, { lazyEntries: true }, (err, src) => {
        if (err || !src) return reject(err);
        src.on('entry', (e: yauzl.Entry) =>
          src.openReadStream(e, (er, s) => {
            if (er || !s) return reject(er);
            const chunks: Buffer[] = [];
            s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
              zip.addBuffer(Buffer.concat(chunks), e.fileName);
              src.readEntry();
            });
          }),
        );
        src.on('end', () => {
          zip.addBuffer(Buffer.from('x'), 'evidence/extra.jpg');
          zip.end();
          zip.outputStream.pipe(fs.createWriteStream(added)).on('close', resolve);
        });
        src.readEntry();
      }),
    );
    expect((await verifyPackage(added)).problems).toEqual([{ code: 'file-unlisted', path: 'evidence/extra.jpg' }]);
  });

  it('refuses a name twice, too many entries and a line without end, within its limits', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'package.zip');
    await writePackage(target, [{ path: 'data/enterprises.jsonl', data: Buffer.from('{"id":1}\n') }], BASE);
    // The same file name twice: the reader would have to guess which copy counts.
    const twice = await rewrite(target, (_n, d) => d);
    const doubled = path.join(dir, 'doubled.zip');
    {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from('{"id":1}\n'), 'data/enterprises.jsonl');
      zip.addBuffer(Buffer.from('{"id":9}\n'), 'data/enterprises.jsonl');
      const manifest = (await verifyPackage(twice)).manifest!;
      zip.addBuffer(Buffer.from(JSON.stringify(manifest)), MANIFEST);
      zip.end();
      await new Promise<void>((resolve) =>
        zip.outputStream.pipe(fs.createWriteStream(doubled)).on('close', () => resolve()),
      );
    }
    expect((await verifyPackage(doubled)).problems).toEqual([
      { code: 'file-duplicate', path: 'data/enterprises.jsonl' },
    ]);
    const limits = { maxBytes: 1e9, maxEntries: 1, maxManifestBytes: 1e6, maxLineBytes: 7, maxProblems: 1 };
    expect((await verifyPackage(target, { limits })).problems).toEqual([
      expect.objectContaining({ code: 'too-large', path: null }),
    ]);
    const lines: number[] = [];
    const long = await verifyPackage(target, {
      limits: { ...limits, maxEntries: 10 },
      onLine: (_f, n) => {
        lines.push(n);
        return null;
      },
    });
    // A 7-byte limit: the 8-byte record is reported, never handed on.
    expect(long.problems).toEqual([
      { code: 'record-invalid', path: 'data/enterprises.jsonl', line: 1, detail: 'line too long' },
    ]);
    expect(lines).toEqual([]);
  });

  it('makes the same bytes from the same files at any time, and leaves nothing when stopped', async () => {
    const dir = tempDir();
    const sources = [
      { path: 'data/a.jsonl', data: Buffer.from('{"a":1}\n') },
      { path: 'data/b.jsonl', data: Buffer.from('{"b":2}\n') },
    ];
    await writePackage(path.join(dir, 'one.zip'), sources, BASE);
    await writePackage(path.join(dir, 'two.zip'), sources, BASE);
    expect(fs.readFileSync(path.join(dir, 'one.zip')).equals(fs.readFileSync(path.join(dir, 'two.zip')))).toBe(true);
    let n = 0;
    await expect(
      writePackage(path.join(dir, 'three.zip'), sources, BASE, {
        checkpoint: () => {
          if (n++ === 1) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(fs.readdirSync(dir).sort()).toEqual(['one.zip', 'two.zip']);
  });
});
