/**
 * Verifies companies.json: each company's id, name, one-line description and mention rules. A claim pack's
 * companies.json lists only the companies the pack adds, and may not redefine a built-in one.
 */
import type { Company } from '../entities.ts';
import { compileMatcher, findMentions } from '../mentions.ts';
import { isText, parseJson, type JsonFile } from './json.ts';
import type { VerifyProblem } from './problems.ts';
import { descriptionProblems } from './rules.ts';

/** A company id names a group of the mention pattern and a settings field: lowercase letters and digits. */
export { COMPANY_ID_PATTERN } from '../entities.ts';
import { COMPANY_ID_PATTERN } from '../entities.ts';
import { isRecord } from '../validate.ts';

export interface CompanyRules {
  /** The years the set's reports state, which a description's "now" is measured against. */
  years: readonly string[];
  /** A claim pack's: the built-in companies, which it may name but not redefine; null for the seeds. */
  builtIn: readonly Company[] | null;
}

export function checkCompanies(file: JsonFile, rules: CompanyRules, problems: VerifyProblem[]): Company[] {
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isRecord(data) || !Array.isArray(data['companies'])) {
    problems.push({ file: file.path, message: 'expected {"companies": [...]}' });
    return [];
  }
  const listed: unknown[] = data['companies'];
  const first: unknown = listed[0];
  // The example a description's "now" is rewritten with names the set's first company.
  const example = isRecord(first) && isText(first['name']) ? first['name'] : 'the company';
  const companies: Company[] = [];
  for (const [i, raw] of listed.entries()) {
    const subject = isRecord(raw) && typeof raw['id'] === 'string' ? `company "${raw['id']}"` : `companies[${i}]`;
    const fail = (message: string) => problems.push({ file: file.path, subject, message });
    if (!isRecord(raw)) {
      fail('is not an object');
      continue;
    }
    const { id, name, description, mentions } = raw;
    if (typeof id !== 'string' || !COMPANY_ID_PATTERN.test(id))
      fail('id must be lowercase letters and digits, a letter first, at most 40 characters');
    else if (rules.builtIn?.some((c) => c.id === id)) {
      problems.push({
        file: file.path,
        subject,
        code: 'built-in-company',
        message:
          `"${id}" is a built-in company: a pack may not redefine it or its mention rules; ` +
          'its claims name it in entities without listing it in companies.json',
      });
      continue;
    }
    if (!isText(name)) fail('needs a name');
    if (!isText(description)) fail('needs a one-line description');
    else if (description.includes('\n')) fail('description must be one line');
    else for (const problem of descriptionProblems(description, rules.years, example)) fail(problem);
    const rule = isRecord(mentions) ? mentions : undefined;
    const spellings = rule?.['spellings'];
    const notFollowedBy = rule?.['notFollowedBy'];
    if (!rule) fail('needs mention rules ("mentions")');
    else {
      if (!Array.isArray(spellings) || spellings.length === 0 || !spellings.every(isText))
        fail('mentions.spellings must be a non-empty list of strings');
      if (typeof rule['ignoreCase'] !== 'boolean') fail('mentions.ignoreCase must be true or false');
      if (!Array.isArray(notFollowedBy) || !notFollowedBy.every(isText))
        fail('mentions.notFollowedBy must be a list of strings');
    }
    if (
      typeof id === 'string' &&
      COMPANY_ID_PATTERN.test(id) &&
      isText(name) &&
      isText(description) &&
      rule &&
      Array.isArray(spellings)
    ) {
      companies.push({
        // The data defines the ids; src/shared/entityId.generated.ts types the built-in ones.
        id,
        name,
        description,
        mentions: {
          spellings: spellings as string[],
          ignoreCase: rule['ignoreCase'] === true,
          notFollowedBy: Array.isArray(notFollowedBy) ? (notFollowedBy as string[]) : [],
        },
      });
    }
  }
  // A claim pack may add no company: its claims may name only built-in ones.
  if (companies.length === 0 && rules.builtIn === null) problems.push({ file: file.path, message: 'lists no company' });
  if (new Set(companies.map((c) => c.id)).size !== companies.length)
    problems.push({ file: file.path, message: 'a company is listed twice' });
  try {
    compileMatcher(companies);
  } catch (error) {
    problems.push({ file: file.path, message: `mention rules do not compile: ${String(error)}` });
  }
  if (rules.builtIn) problems.push(...overlapProblems(companies, rules.builtIn, file.path));
  return companies;
}

/**
 * A pack company whose spelling holds a built-in company's mention ("Oracle Labs"), or whose rules find a
 * mention in a built-in spelling, would take that company's mentions on every page: refused, as a pack may not
 * change how a built-in company is found.
 */
function overlapProblems(companies: readonly Company[], builtIn: readonly Company[], file: string): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  let builtInMatcher;
  try {
    builtInMatcher = compileMatcher(builtIn);
  } catch {
    return problems;
  }
  for (const company of companies) {
    let own;
    try {
      own = compileMatcher([company]);
    } catch {
      continue;
    }
    const fail = (message: string) =>
      problems.push({ file, subject: `company "${company.id}"`, code: 'built-in-company', message });
    for (const spelling of company.mentions.spellings) {
      const found = findMentions(builtInMatcher, spelling)[0];
      if (found)
        fail(
          `spelling "${spelling}" holds a mention of the built-in company "${found.entity}" ("${found.text}"): ` +
            "a pack may not take over a built-in company's mentions",
        );
    }
    for (const other of builtIn) {
      for (const spelling of other.mentions.spellings) {
        if (findMentions(own, spelling).length > 0)
          fail(
            `its mention rules find a mention in "${spelling}", a spelling of the built-in company "${other.id}": ` +
              "a pack may not take over a built-in company's mentions",
          );
      }
    }
  }
  return problems;
}
