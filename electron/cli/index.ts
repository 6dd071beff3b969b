/**
 * The admin command line, over the same core and the same channels as the app. It acts as a
 * trusted local admin (whoever can run it can read the data folder anyway), named in the audit log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostClock } from '../core/clock.ts';
import { writeFileAtomic } from '../core/db/snapshot.ts';
import { createCore } from '../core/create-core.ts';
import { describeOutcome, explainError } from './calendar.ts';
import { importDataPackage, listBackups, restoreOffline } from '../core/modules/backups/backups.ts';
import { needsSetup } from '../core/modules/accounts/repository.ts';
import { exportsDir } from '../core/modules/exports/service.ts';
import { verifyPackageFile } from '../core/modules/exports/verify.ts';
import { volumeName } from '../core/modules/exports/volumes.ts';
import { sha256 } from '../core/modules/plans/draws.ts';
import { type DrawRecord, verifyDraw } from '../../shared/domain/plans/draw.ts';
import { workspaceDir } from '../core/workspaces.ts';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract.ts';
import { argValue, defaultDataRoot, resourcesDir } from '../host/paths.ts';

const USAGE = `用法 / usage: npm run cli -- <command> [--data-dir <folder>] [--demo]

  audit verify [--head <hash>]     核验全过程记录链 / verify the audit chain
  backup create | list             备份 / back up, list backups
  backup restore <name>            从备份恢复（先备份当前数据）/ restore (current state kept first)
  data export <file.zip>           导出数据迁移包 / export a data package for a new PC
  data import <file.zip>           在新电脑上导入（初始化前）/ import it on a new PC (before setup)
  calendar status                  工作日历覆盖年份 / calendar coverage
  calendar import <file.json> [--confirm]
                                   导入年度放假安排；会改变已覆盖年份的日期时先列出变动，加 --confirm 才导入 /
                                   import a year's holiday schedule; one that changes days of a covered year
                                   lists them and is imported only with --confirm
  export full <file.zip> [--overrides <file.json>]
                                   生成全量上报包；上报前检查拦下的记录可在 JSON 文件中逐条说明理由放行 /
                                   make a full upload package; blockers let through with reasons from a JSON file
                                   ([{ "subject": "inspections:3:record", "reason": "…" }])
  export incremental <file.zip> [--overrides <file.json>]
                                   生成增量上报包：自上次已接收的上报包以来新增、变更、撤销和删除的记录 /
                                   make an incremental package: what changed since the last package marked accepted
  export list                      已生成的上报包及接收情况 / packages made, and which were accepted
  export accept <id> [--on <YYYY-MM-DD>] [--note <text>]
                                   标记上报包已被接收（下一个增量包以它为基础）/ mark a package accepted (the next
                                   incremental package follows it)
  export verify <file.zip>         按接收方的方式核验上报包（无需数据库）/ check a package as the receiving side would (no database);
                                   分卷的包给出第一卷 / for a package cut into volumes, name the first: file.zip.001
  plans verify-draw <draw.json>    重新运行一次双随机抽查并与记录比对（无需数据库）/ re-run a 双随机 draw from its record
                                   and compare (no database)
  reports pdf <file.pdf> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--date <YYYY-MM-DD>]
                                   统计期间的执法工作情况通报（不签发，日期默认今天）/ the period's report as it would
                                   print (not issued; dated today unless --date)
  cases pdf <file.pdf> --case <案号>
                                   整卷 PDF：封面、卷内目录、全部材料（编页号）、备考表 / the whole case file as one PDF:
                                   cover, 卷内目录, every paper with its archive page number, 备考表
  documents issue --type <type> --inspection <id> [--count N]
                                   按检查记录生成并签发文书 / draft and issue documents for an inspection`;

const args = process.argv.slice(2);
const positional = args.filter(
  (a, i) =>
    !a.startsWith('--') &&
    !(
      i > 0 &&
      [
        '--data-dir',
        '--head',
        '--type',
        '--inspection',
        '--count',
        '--clock',
        '--overrides',
        '--on',
        '--note',
        '--from',
        '--to',
        '--date',
        '--case',
      ].includes(args[i - 1])
    ),
);
const [group, command, target] = positional;
const dataRoot = path.resolve(argValue(args, '--data-dir') ?? defaultDataRoot());
const workspace = args.includes('--demo') ? 'demo' : 'real';
const clock = hostClock(args);
const actor = { userName: `命令行（${os.userInfo().username}）` };

async function main(): Promise<number> {
  if (!group) {
    console.log(USAGE);
    return 2;
  }
  // A package is checked with nothing but the file: no installation, no database.
  if (group === 'export' && command === 'verify' && target) {
    const report = await verifyPackageFile(path.resolve(target));
    console.log(
      JSON.stringify(
        { ...report, manifest: report.manifest && { ...report.manifest, files: report.manifest.files.length } },
        null,
        2,
      ),
    );
    return report.ok ? 0 : 1;
  }
  // A draw is re-run from its record alone, in this process, with no database: anyone can check it.
  if (group === 'plans' && command === 'verify-draw' && target) {
    const record = JSON.parse(fs.readFileSync(path.resolve(target), 'utf8')) as DrawRecord;
    const report = verifyDraw(record, sha256);
    // The pool's hash is printed to be compared with the one published before the draw.
    const { id, label, result } = record;
    console.log(
      JSON.stringify({ ...report, id, label, poolSha256: result?.poolSha256, picks: result?.picks?.length }, null, 2),
    );
    return report.ok ? 0 : 1;
  }
  const dataDir = workspaceDir(dataRoot, workspace);
  let core;
  try {
    core = await createCore({ dataDir, resourcesDir, workspace, autoBackup: false, clock });
    // A command works on a whole county: a demo county being made is finished first.
    await core.ready;
  } catch (e) {
    // A database too damaged to open, or gone, can still be replaced from a backup (a damaged file is kept).
    const unopenable = ['DB_CORRUPT', 'DB_MISSING'].includes((e as { code?: string }).code ?? '');
    if (unopenable && group === 'backup' && command === 'restore' && target) {
      console.log(JSON.stringify(restoreOffline(dataDir, target, clock()), null, 2));
      return 0;
    }
    if (unopenable && group === 'backup' && command === 'list') {
      console.log(JSON.stringify(listBackups(dataDir), null, 2));
      return 0;
    }
    console.error(`${(e as { code?: string }).code ?? ''} ${e instanceof Error ? e.message : e}`);
    return 1;
  }
  const run = async <C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await core.dispatch(channel, input, { trusted: actor });
    if (!r.ok)
      throw Object.assign(
        new Error(
          `${r.error.code}${r.error.details ? ` ${JSON.stringify(r.error.details)}` : ''}\n${explainError(r.error.code, r.error.details)}`,
        ),
        { code: r.error.code },
      );
    return r.data as OutputOf<C>;
  };
  const print = (x: unknown) => console.log(JSON.stringify(x, null, 2));
  try {
    switch (`${group} ${command ?? ''}`.trim()) {
      case 'audit verify': {
        const head = argValue(args, '--head');
        const r = await run('audit:verify', head ? { head } : {});
        print(r);
        return r.ok ? 0 : 1;
      }
      case 'backup create':
        print(await run('backups:create', {}));
        return 0;
      case 'backup list':
        print(await run('backups:list', {}));
        return 0;
      case 'backup restore':
        if (!target) break;
        print(await run('backups:restore', { name: target }));
        return 0;
      case 'reports pdf': {
        const from = argValue(args, '--from');
        const to = argValue(args, '--to');
        if (!target || !from || !to) break;
        const date = argValue(args, '--date') ?? core.state.today();
        const file = await run('reports:preview', { from, to, date });
        writeFileAtomic(path.resolve(target), Buffer.from(file.dataBase64, 'base64'));
        print({ file: path.resolve(target), name: file.fileName });
        return 0;
      }
      case 'cases pdf': {
        const caseNo = argValue(args, '--case');
        if (!target || !caseNo) break;
        const found = await core.state.store.db
          .selectFrom('cases')
          .select('id')
          .where('caseNo', '=', caseNo)
          .executeTakeFirst();
        if (!found) {
          console.error(`没有案号为 ${caseNo} 的案件 / no case numbered ${caseNo}`);
          return 1;
        }
        const file = await run('cases:bound-file', { id: found.id });
        writeFileAtomic(path.resolve(target), Buffer.from(file.dataBase64, 'base64'));
        print({ file: path.resolve(target), name: file.fileName });
        return 0;
      }
      case 'data export': {
        if (!target) break;
        const file = await run('backups:export-data', {});
        // Whole or not at all: a package cut short by a kill must not sit there under its name.
        writeFileAtomic(path.resolve(target), Buffer.from(file.dataBase64, 'base64'));
        console.log(`已写出 / written: ${path.resolve(target)}`);
        return 0;
      }
      case 'export list':
        print(await run('exports:list', {}));
        return 0;
      case 'export accept':
        if (!target) break;
        await run('exports:accept', {
          id: Number(target),
          on: argValue(args, '--on') ?? core.state.today(),
          note: argValue(args, '--note') ?? '',
        });
        console.log(`已标记为已接收 / marked accepted: ${target}`);
        return 0;
      case 'export full':
      case 'export incremental': {
        if (!target) break;
        // Blockers let through as in the app: a JSON file of [{ "subject": …, "reason": … }], subjects as refused.
        const given = argValue(args, '--overrides');
        const overrides = given
          ? (JSON.parse(fs.readFileSync(path.resolve(given), 'utf8')) as { subject: string; reason: string }[]).map(
              (o) => ({ code: 'incomplete' as const, subject: o.subject, reason: o.reason }),
            )
          : [];
        const made = await run('exports:create', { kind: command as 'full' | 'incremental', overrides });
        // Copied whole or not at all, beside the one kept in the workspace's exports folder.
        const copy = `${path.resolve(target)}.part-${process.pid}`;
        fs.copyFileSync(path.join(exportsDir(core.state.dataDir), made.name), copy);
        fs.renameSync(copy, path.resolve(target));
        // Cut for the portal's upload limit: the volumes beside it, target.zip.001, .002… — never beside the volumes of
        // an earlier package written to the same name, which a reader would join with these.
        const stem = path.basename(path.resolve(target));
        for (const f of fs.readdirSync(path.dirname(path.resolve(target))))
          if (f.startsWith(`${stem}.`) && /^\d{3,4}$/.test(f.slice(stem.length + 1)))
            fs.rmSync(path.join(path.dirname(path.resolve(target)), f));
        const volumes = (made.volumes ?? []).map((v, i) => {
          const to = volumeName(path.resolve(target), i + 1);
          fs.copyFileSync(path.join(exportsDir(core.state.dataDir), v.name), `${to}.part-${process.pid}`);
          fs.renameSync(`${to}.part-${process.pid}`, to);
          return { written: to, bytes: v.bytes, sha256: v.sha256, sm3: v.sm3 };
        });
        print({
          written: path.resolve(target),
          ...(volumes.length ? { volumes } : {}),
          id: made.id,
          bytes: made.bytes,
          sha256: made.sha256,
          sm3: made.sm3,
          counts: made.manifest.counts,
        });
        return 0;
      }
      case 'data import': {
        if (!target) break;
        if (!(await needsSetup(core.state.store.db, core.state.dataDir))) {
          console.error('本机已完成初始化，不能覆盖 / this installation is set up already: refusing to overwrite');
          return 1;
        }
        const { auditHead } = await importDataPackage(core.state, path.resolve(target));
        print({ imported: path.resolve(target), auditHead });
        return 0;
      }
      case 'calendar status': {
        const info = await run('calendar:get', {});
        print({
          years: info.years.map((y) => `${y.year} ${y.source} 工作日${y.workdays}`),
          uncovered: info.uncoveredCurrentOrNext,
        });
        return 0;
      }
      case 'documents issue': {
        const type = argValue(args, '--type');
        const inspectionId = Number(argValue(args, '--inspection'));
        if (!type || !inspectionId) break;
        const numbers: (string | null)[] = [];
        for (let i = 0; i < Number(argValue(args, '--count') ?? 1); i++) {
          const draft = await run('documents:create', { type, inspectionId });
          numbers.push((await run('documents:issue', { id: draft.id, version: draft.version })).numberText);
        }
        console.log(JSON.stringify(numbers));
        return 0;
      }
      case 'calendar import': {
        if (!target) break;
        const fileName = path.basename(target);
        const outcome = await run('calendar:import', {
          fileName,
          text: fs.readFileSync(target, 'utf8'),
          confirm: args.includes('--confirm'),
        });
        const { text, exitCode } = describeOutcome(outcome, fileName);
        console.log(text);
        return exitCode;
      }
    }
    console.log(USAGE);
    return 2;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  } finally {
    await core.close();
  }
}

process.exitCode = await main();
