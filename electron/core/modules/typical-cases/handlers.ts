import type { HandlerGroup } from '../../context.ts';
import { download, refuseInDemo } from '../files.ts';
import {
  createTypicalCase,
  finalizeTypicalCase,
  getTypicalCase,
  markTypicalCaseSent,
  packageTypicalCase,
  previewTypicalCase,
  reopenTypicalCase,
  saveTypicalCase,
  typicalCaseFile,
  typicalOverview,
} from './service.ts';

export const typicalCaseHandlers: HandlerGroup<'typical'> = {
  async 'typical:overview'(_input, { core, rules }) {
    return typicalOverview(core, rules);
  },
  async 'typical:get'({ id }, { core, rules }) {
    return getTypicalCase(core, rules, id);
  },
  async 'typical:create'({ caseId }, { core, actor, rules }) {
    return createTypicalCase(core, actor, rules, caseId);
  },
  async 'typical:save'(input, { core, actor, rules }) {
    return saveTypicalCase(core, actor, rules, input);
  },
  async 'typical:preview'({ id }, { core, rules }) {
    return download(`典型案例-预览-${id}.pdf`, await previewTypicalCase(core, rules, id));
  },
  async 'typical:finalize'(input, { core, actor, rules }) {
    return finalizeTypicalCase(core, actor, rules, input);
  },
  async 'typical:reopen'(input, { core, actor, rules }) {
    return reopenTypicalCase(core, actor, rules, input);
  },
  async 'typical:sent'(input, { core, actor, rules }) {
    // The demo county's cases are made up: none of them is ever sent as real.
    refuseInDemo(core);
    return markTypicalCaseSent(core, actor, rules, input);
  },
  async 'typical:pdf'({ id }, { core }) {
    const { name, pdf } = await typicalCaseFile(core, id);
    return download(name, pdf);
  },
  async 'typical:package'({ id }, { core, actor, rules }) {
    refuseInDemo(core);
    return packageTypicalCase(core, actor, rules, id);
  },
};
