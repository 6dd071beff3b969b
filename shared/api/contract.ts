import type { z } from 'zod';
import { fileUpload } from '../entities/file.ts';
import { accountChannels } from './channels/accounts.ts';
import { appChannels } from './channels/app.ts';
import { auditChannels } from './channels/audit.ts';
import { backupChannels } from './channels/backups.ts';
import { calendarChannels } from './channels/calendar.ts';
import { caseChannels } from './channels/cases.ts';
import { mergeChannels } from './channels/channel.ts';
import { documentChannels } from './channels/documents.ts';
import { enterpriseChannels } from './channels/enterprises.ts';
import { exportChannels } from './channels/exports.ts';
import { hazardChannels } from './channels/hazards.ts';
import { inspectionChannels } from './channels/inspections.ts';
import { knowledgeChannels } from './channels/knowledge.ts';
import { officerChannels } from './channels/officers.ts';
import { planChannels } from './channels/plans.ts';
import { reportChannels } from './channels/reports.ts';
import { reviewChannels } from './channels/reviews.ts';
import { settingsChannels } from './channels/settings.ts';
import { typicalCaseChannels } from './channels/typical-cases.ts';

export type { Access, Channel } from './channels/channel.ts';
export type { FileDownload } from './channels/fragments.ts';
export type { AppInfo } from './channels/app.ts';
export type { SessionInfo } from './channels/accounts.ts';
export type { EnterpriseHistoryEntry, ImportPreview, ImportRowError } from './channels/enterprises.ts';
export type { CaseAwaitingRow, CaseDeadlineRow } from './channels/cases.ts';
export type { ReviewRun } from './channels/reviews.ts';
export type { IndustryEntry } from './channels/knowledge.ts';
export type { CalendarImportOutcome, CalendarInfo } from './channels/calendar.ts';
export { fileUpload };

/**
 * The contract: every channel the renderer may call, named `domain:action`, with its zod input,
 * its output type and the permission it needs (or an access level: channels/channel.ts). The core
 * validates and checks on every call, in every host; the preload and the browser client are
 * generated from this table. Each domain's channels are in their own file of channels/; a name two
 * files define fails the typecheck here.
 */
export const contract = mergeChannels({
  app: appChannels,
  accounts: accountChannels,
  settings: settingsChannels,
  officers: officerChannels,
  enterprises: enterpriseChannels,
  inspections: inspectionChannels,
  hazards: hazardChannels,
  documents: documentChannels,
  cases: caseChannels,
  knowledge: knowledgeChannels,
  reviews: reviewChannels,
  audit: auditChannels,
  backups: backupChannels,
  calendar: calendarChannels,
  exports: exportChannels,
  typical: typicalCaseChannels,
  plans: planChannels,
  reports: reportChannels,
});

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

export const CHANNELS = Object.keys(contract) as ChannelName[];
