import { decodeHTML } from 'entities';

/**
 * The named entities Confluence resolves in storage format: the three XHTML 1.0 entity sets
 * (xhtml-lat1, xhtml-symbol, xhtml-special; 252 names plus `apos`). HTML5-only names such as
 * `&check;` are NOT among them: Woodstox answers `Undeclared general entity "check"` for those.
 * Only the names live here; the characters come from the `entities` package.
 */
const LAT1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 ' +
  'sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc ' +
  'Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve ' +
  'Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute ' +
  'acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const SYMBOL =
  'fnof Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma ' +
  'Tau Upsilon Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu ' +
  'xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv bull hellip prime ' +
  'Prime oline frasl weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr ' +
  'hArr forall part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or ' +
  'cap cup int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot ' +
  'lceil rceil lfloor rfloor lang rang loz spades clubs hearts diams';

const SPECIAL =
  'quot amp lt gt apos OElig oelig Scaron scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ' +
  'ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger permil lsaquo rsaquo euro';

/** XHTML 1.0 defines `lang`/`rang` as U+2329/U+232A; HTML5 (and so `entities`) moved them to U+27E8/9. */
const XHTML_OVERRIDES: Record<string, string> = { lang: '\u2329', rang: '\u232A' };

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const name of `${LAT1} ${SYMBOL} ${SPECIAL}`.split(' ')) {
    const value = XHTML_OVERRIDES[name] ?? decodeHTML(`&${name};`);
    if (value === `&${name};`) throw new Error(`entities package lacks &${name};`);
    table.set(name, value);
  }
  return table;
}

/** Entity name → replacement text, for every name Confluence accepts (the XML five included). */
export const XHTML_ENTITIES: ReadonlyMap<string, string> = buildTable();
