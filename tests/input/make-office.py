#!/usr/bin/env python3
"""Writes tests/input/structure.docx and structure.odt: small documents made
by hand (zipfile, fixed dates, so the bytes never change) with the structure
the readers must handle: a heading, paragraphs with a tab and a line break,
a table of two rows and two cells, tracked changes (deleted text), a field
code, a comment, and a footnote. tests/input-office.sh reads them; the fuzz
seeds start from them. Run it again only to change them."""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = (2021, 12, 14, 18, 45, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add(z, name, text):
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, text.encode("utf-8"))


def run(t):
    return f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>'


def para(*runs, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def docx(path):
    body = "".join([
        para(run("Встреча в Брюсселе"), style="Heading1"),
        para(run("Президент прибыл в Брюссель."), "<w:r><w:tab/></w:r>",
             run("Встреча длилась час."),
             '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        para(run("Стороны обсудили"), '<w:del w:id="7" w:author="A"><w:r><w:delText>старые '
             '</w:delText></w:r></w:del>', run(" вопросы энергетики."), "<w:r><w:br/></w:r>",
             run("Затем они ответили на вопросы.")),
        para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
             run("Поле и текст."), '<w:r><w:commentReference w:id="3"/></w:r>'),
        "<w:tbl><w:tr><w:tc>" + para(run("Ячейка один.")) + "</w:tc><w:tc>"
        + para(run("Ячейка два.")) + "</w:tc></w:tr><w:tr><w:tc>" + para(run("Ячейка три."))
        + "</w:tc><w:tc>" + para(run("Ячейка четыре.")) + "</w:tc></w:tr></w:tbl>",
        para(run("Последний абзац.")),
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ])
    notes = (f'<w:footnotes xmlns:w="{W}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             '</w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1">{para(run("Сноска о встрече."))}</w:footnote></w:footnotes>')
    with zipfile.ZipFile(path, "w") as z:
        add(z, "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>')
        add(z, "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
            f"<w:body>{body}</w:body></w:document>")
        add(z, "word/footnotes.xml", '<?xml version="1.0" encoding="UTF-8"?>' + notes)


def odt(path):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        '<text:p>старые </text:p></text:deletion></text:changed-region></text:tracked-changes>'
        '<text:h text:outline-level="1">Встреча в Брюсселе</text:h>'
        '<text:p>Президент прибыл в Брюссель.<text:tab/>Встреча длилась час.<text:note '
        'text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
        '<text:p>Сноска о встрече.</text:p></text:note-body></text:note></text:p>'
        '<text:p>Стороны обсудили<text:change text:change-id="c1"/><text:s/>вопросы '
        'энергетики.<text:line-break/>Затем они ответили на вопросы.</text:p>'
        '<text:p><office:annotation><dc:creator>A</dc:creator><text:p>Комментарий.</text:p>'
        '</office:annotation>Поле и текст.</text:p>'
        '<table:table><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-row><table:table-cell><text:p>Ячейка один.</text:p></table:table-cell>'
        '<table:table-cell><text:p>Ячейка два.</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell><text:p>Ячейка три.</text:p></table:table-cell>'
        '<table:table-cell><text:p>Ячейка четыре.</text:p></table:table-cell></table:table-row>'
        '</table:table>'
        '<text:list><text:list-item><text:p>Последний абзац.</text:p></text:list-item></text:list>'
    )
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", DATE)
        z.writestr(info, b"application/vnd.oasis.opendocument.text")
        add(z, "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


if __name__ == "__main__":
    docx(os.path.join(HERE, "structure.docx"))
    odt(os.path.join(HERE, "structure.odt"))
