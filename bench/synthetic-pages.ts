/**
 * Deterministic synthetic storage bodies of a given size: big tables, nested macros, lists and
 * inline markup — the shapes that make real large pages slow.
 */
function section(index: number): string {
  const rows: string[] = [];
  for (let r = 0; r < 12; r++) {
    rows.push(
      `<tr><td><p>Row ${r} of block ${index} &mdash; <strong>bold</strong> and <em>em</em></p></td>` +
        `<td class="highlight-#e3fcef" data-highlight-colour="#e3fcef">${r * index}</td>` +
        `<td><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">OK</ac:parameter></ac:structured-macro></td></tr>`,
    );
  }
  return (
    `<h2>Block ${index}</h2>` +
    `<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:parameter ac:name="title">Note ${index}</ac:parameter>` +
    `<ac:rich-text-body><p>Information with a <a href="https://example.org/?a=1&amp;b=2">link</a>.</p>` +
    `<ac:structured-macro ac:name="expand" ac:schema-version="1"><ac:parameter ac:name="title">More</ac:parameter>` +
    `<ac:rich-text-body><ul><li><p>one</p></li><li><p>two&nbsp;items</p></li></ul></ac:rich-text-body></ac:structured-macro>` +
    `</ac:rich-text-body></ac:structured-macro>` +
    `<table data-layout="default"><colgroup><col style="width: 200.0px;"/><col/><col/></colgroup><tbody>` +
    `<tr><th>Name</th><th>Value</th><th>State</th></tr>${rows.join('')}</tbody></table>` +
    `<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">java</ac:parameter>` +
    `<ac:plain-text-body><![CDATA[for (int i = 0; i < ${index}; i++) { System.out.println("<" + i + ">"); }]]></ac:plain-text-body></ac:structured-macro>`
  );
}

/** A body of at least `bytes` UTF-16 code units. */
export function syntheticPage(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = section(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
