import { settings as settingsSchema } from '../../../../shared/entities/settings.ts';
import type { HandlerGroup } from '../../context.ts';
import { checkFontFiles } from '../../documents/fonts.ts';
import { fileOrderIssues, fileOrderKeys } from '../../../../shared/domain/case-file.ts';
import { caseEvent } from '../../../../shared/entities/case.ts';
import { gradesInOrder, unknownChecks, unknownDocumentTypes } from '../../../../shared/domain/review/standard.ts';
import { CHECK_IDS } from '../../../../shared/domain/review/checks.ts';
import { AppError } from '../../../../shared/base/errors.ts';

/** The settings:* channels: an admin's settings, checked whole before they are kept. */
export const settingsHandlers: HandlerGroup<'settings'> = {
  async 'settings:get'(_input, { rules }) {
    return rules.settings;
  },
  async 'settings:update'(input, { core, actor, rules }) {
    const before = rules.settings;
    const after = settingsSchema.parse({ ...before, ...input });
    checkFontFiles(after.fontOverrides);
    // Only what this change brings is checked: a stored order or standard an upgrade outdated must not block an unrelated save.
    if (input.fileOrder && after.fileOrder) {
      const issues = fileOrderIssues(
        after.fileOrder,
        fileOrderKeys(
          [...core.catalogue.byId.keys()],
          caseEvent.options.map((o) => o.shape.kind.value),
        ),
      );
      if (issues.length) throw new AppError('VALIDATION', { issues });
    }
    // A standard naming a check the app does not run would silently score nothing for it.
    // …and a required document of a type the app does not make would be missing from every file.
    const unknown = input.reviewStandard && after.reviewStandard ? unknownChecks(after.reviewStandard, CHECK_IDS) : [];
    const unknownTypes =
      input.reviewStandard && after.reviewStandard
        ? unknownDocumentTypes(after.reviewStandard, new Set(core.catalogue.byId.keys()))
        : [];
    // …and grades out of order would grade by the wrong line.
    const disordered = !!input.reviewStandard && !!after.reviewStandard && !gradesInOrder(after.reviewStandard);
    if (unknown.length || unknownTypes.length || disordered) {
      throw new AppError('VALIDATION', {
        issues: [
          ...(disordered ? [{ path: ['reviewStandard', 'grades'], key: 'review.standard.gradesOrder' }] : []),
          ...unknown.map((check) => ({
            path: ['reviewStandard'],
            key: 'review.standard.unknownCheck',
            params: { check },
          })),
          ...unknownTypes.map((type) => ({
            path: ['reviewStandard', 'requiredDocuments'],
            key: 'review.standard.unknownDocumentType',
            params: { type },
          })),
        ],
      });
    }
    await core.tx(async (trx) => {
      for (const [key, value] of Object.entries(after)) {
        await trx
          .insertInto('settings')
          .values({ key, valueJson: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson: JSON.stringify(value) }))
          .execute();
      }
      core.record(actor, { action: 'settings:update', entityType: 'settings', entityId: null, before, after });
    });
    return after;
  },
};
