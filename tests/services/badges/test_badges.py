from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import segno
import zxingcpp
from reportlab.pdfbase.pdfmetrics import stringWidth

from bsm_desk.domain import badge_code
from bsm_desk.domain.badge_code import Outcome
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import ReissueReason
from bsm_desk.services import badges, registry
from bsm_desk.services.badges.pdf import QR_MASK, Layout
from bsm_desk.services.output import text as badge_text
from bsm_desk.store import badges as badge_store
from bsm_desk.store import connect, event
from tests.acting import who_at
from tests.conftest import DESK

TAJIK_KAZAKH = "Ғ ғ Ӣ ӣ Қ қ Ӯ ӯ Ҳ ҳ Ҷ ҷ Ә ә Ң ң Ө ө Ү ү Ұ ұ І і Һ һ Ё ё"


@pytest.fixture
def db(demo_copy: Path):
    database = connect(demo_copy)
    yield database
    database.close()


def decode_pages(pdf: bytes, dpi: int = 150) -> list[list[str]]:
    """Every QR code on every page, read from a raster of the page like a camera would."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        ordered = sorted(found, key=lambda b: (round(b.position.top_left.y / 200),
                                               b.position.top_left.x))
        pages.append([b.text for b in ordered])
        for barcode in found:
            assert barcode.ec_level == "M"
    return pages


def page_texts(pdf: bytes) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]


def test_every_letter_of_the_demo_names_has_a_glyph(db):
    text = " ".join(
        " ".join(str(v) for v in row) for row in db.execute(
            "SELECT family_name, given_name, family_name_cyr, given_name_cyr, function_en,"
            " function_ru FROM delegate").fetchall())
    text += " ".join(" ".join(r) for r in db.execute(
        "SELECT name_en, name_ru FROM delegation UNION ALL SELECT name_en, name_ru"
        " FROM category UNION ALL SELECT title_en, title_ru FROM event").fetchall())
    assert badge_text.missing_glyphs(text + TAJIK_KAZAKH) == set()
    assert badge_text.missing_glyphs("丁") == {"丁"}  # the check itself can fail


@pytest.mark.parametrize("layout, per_page", [(Layout.A6, 1), (Layout.CR80, 1),
                                              (Layout.A4_4UP, 4)])
def test_every_qr_on_the_pdf_decodes_and_verifies_for_its_delegate(db, layout, per_page):
    ids = badges.select(db, delegation="Tajikistan")[:6]
    pdf = badges.pdf_bytes(db, ids, layout)
    pages = decode_pages(pdf)
    assert len(pages) == -(-len(ids) // per_page)
    decoded = [code for page in pages for code in page]
    assert len(decoded) == len(ids)
    the_event = event.get_event(db)
    for delegate_id, code in zip(ids, decoded, strict=True):
        checked = badge_code.verify(code, the_event.code, the_event.secret)
        assert checked.outcome is Outcome.VALID
        assert checked.delegate_id == delegate_id
        tampered = code.replace(f"-{delegate_id}-", f"-{delegate_id + 1}-")
        assert badge_code.verify(tampered, the_event.code, the_event.secret).outcome \
            is Outcome.FORGED


def test_codes_fit_the_qr_versions_the_readme_promises(db):
    def version(code: str) -> int:
        qr = segno.make_qr(code, error="m", boost_error=False, mask=QR_MASK)
        assert qr.error == "M"
        return int(qr.version)

    # The README: an event code of up to six characters and up to a million delegates,
    # version 2; the longest event code, version 3; never past the design's version 4.
    demo = [c for _, c in badges.codes(db, badges.select(db))]
    assert {version(code) for code in demo} == {2}
    for delegate_id in (1, 999_999, 1_000_000):
        assert version(badge_code.make("ABCDEF", b"k" * 32, delegate_id, 99)) == 2
        assert version(badge_code.make("ABCDEFGHIJKL", b"k" * 32, delegate_id, 99)) <= 3
    assert version(badge_code.make("ABCDEFGHIJKL", b"k", 9_999_999_999, 9999)) <= 4


def test_the_pdf_has_the_latin_and_cyrillic_names_as_text(db):
    ids = [i for i, in db.execute(
        "SELECT id FROM delegate WHERE family_name_cyr LIKE '%Ҷ%' OR family_name_cyr LIKE"
        " '%Қ%' OR family_name_cyr LIKE '%ғ%' LIMIT 3").fetchall()]
    assert ids
    pdf = badges.pdf_bytes(db, ids, Layout.A6)
    texts = page_texts(pdf)
    for delegate_id, text in zip(ids, texts, strict=True):
        family, cyr = db.execute("SELECT family_name, family_name_cyr FROM delegate"
                                 " WHERE id = ?", [delegate_id]).fetchone()
        assert family.upper() in text
        assert cyr in text
        assert "Глава делегации" in text or "Делегат" in text or "Организатор" in text \
            or any(k in text for k in ("Эксперт", "Докладчик", "Наблюдатель"))


def test_the_font_is_embedded(db):
    pdf = badges.pdf_bytes(db, badges.select(db)[:1], Layout.A6)
    assert b"/FontFile2" in pdf


@pytest.mark.parametrize("text", [
    "Abdurakhmonzoda-Nurmukhammedovna-Sharipova",
    "Nurmuhammedova Ogulgerek Gurbanmyradovna Atayewa Annamuhammedowa",
    "Қурбонзода Ҷамшед Ҳикматуллоевич Ӯктамзода Ғуломҳусейнова",
    "United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)",
    "X",
])
@pytest.mark.parametrize("width", [40.0, 150.0, 280.0])
def test_fitted_text_never_runs_past_its_box(text, width):
    fitted = badge_text.fit(text, badge_text.BOLD, width, 28, 14, max_lines=2)
    assert 1 <= len(fitted.lines) <= 2
    assert "".join(fitted.lines).replace(" ", "") == text.replace(" ", "")  # nothing dropped
    for line in fitted.lines:
        assert stringWidth(line, badge_text.BOLD, fitted.size) <= width + 0.01
    assert fitted.size <= 28


def test_long_names_shrink_before_they_wrap():
    badge_text.register_fonts()
    one = badge_text.fit("Bekmagambetova", badge_text.BOLD, 200, 28, 14)
    assert one.lines == ("Bekmagambetova",) and one.size < 28
    two = badge_text.fit("Bekmagambetova Nurmuhammedova", badge_text.BOLD, 200, 28, 14)
    assert len(two.lines) == 2


def test_select_by_delegation_category_and_ids(db):
    tajik = badges.select(db, delegation="tajikistan")
    assert tajik and tajik == badges.select(db, delegation="Таджикистан") \
        == badges.select(db, delegation="tj")
    heads = badges.select(db, category="Head of Delegation")
    assert heads == badges.select(db, category="hod")
    both = badges.select(db, delegation="Tajikistan", category="hod")
    assert set(both) == set(tajik) & set(heads)
    assert badges.select(db, ids=[tajik[1], tajik[0]]) == sorted(
        [tajik[0], tajik[1]], key=tajik.index)
    with pytest.raises(UserError, match="no delegation called Atlantis"):
        badges.select(db, delegation="Atlantis")
    with pytest.raises(UserError, match="no category"):
        badges.select(db, category="Royalty")
    with pytest.raises(UserError, match="#999999"):
        badges.select(db, ids=[999999])


def test_cancelled_delegates_get_no_badge(db):
    first = badges.select(db)[0]
    registry.cancel(db, [first], who=who_at(db, DESK))
    assert first not in badges.select(db)
    with pytest.raises(UserError, match="cancelled"):
        badges.select(db, ids=[first])


def test_printing_logs_each_badge_and_only_unprinted_follows(db, tmp_path):
    ids = badges.select(db, delegation="Tajikistan")
    batch = badges.write_pdf(db, ids[:3], tmp_path / "b.pdf", Layout.A6,
                             who=who_at(db, DESK, "Desk 2"))
    assert (batch.badges, batch.pages, batch.logged) == (3, 3, True)
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert badges.select(db, delegation="Tajikistan", only_unprinted=True) == ids[3:]
    log = badge_store.prints(db, ids[0])
    assert [(p.version, p.layout, p.desk_id, p.operator) for p in log] == \
        [(1, "a6", DESK, "Desk 2")]
    badges.write_pdf(db, ids[3:], tmp_path / "proof.pdf", Layout.A6, who=who_at(db, DESK),
                     log=False)
    assert badges.select(db, delegation="Tajikistan", only_unprinted=True) == ids[3:]


def test_a_reprint_revokes_the_old_badge(db, tmp_path):
    delegate_id = badges.select(db)[0]
    (_, old_code), = badges.codes(db, [delegate_id])
    badges.write_pdf(db, [delegate_id], tmp_path / "first.pdf", Layout.CR80, who=who_at(db, DESK))
    batch = badges.reprint(db, delegate_id, ReissueReason.LOST, tmp_path / "again.pdf",
                           Layout.CR80, who=who_at(db, DESK))
    assert batch.badges == 1
    (new_code,), = decode_pages((tmp_path / "again.pdf").read_bytes())
    the_event = event.get_event(db)
    old = badge_code.verify(old_code, the_event.code, the_event.secret)
    new = badge_code.verify(new_code, the_event.code, the_event.secret)
    assert old.valid and new.valid  # both genuine...
    current = badge_store.current_version(db, delegate_id)
    assert (old.version, new.version, current) == (1, 2, 2)  # ...only the new one current
    state = badges.status(db, delegate_id)
    assert [i.reason for i in state.reissues] == ["lost"]
    assert [p.version for p in state.prints] == [1, 2]
    assert state.printed == 1


def test_a_failed_write_leaves_no_file_and_logs_nothing(db, tmp_path):
    ids = badges.select(db)[:2]
    with pytest.raises(UserError, match="Could not write"):
        badges.write_pdf(db, ids, tmp_path / "missing" / "b.pdf", Layout.A6, who=who_at(db, DESK))
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        badges.write_pdf(db, badges.select(db)[:40], tmp_path / "c.pdf", Layout.A6,
                         who=who_at(db, DESK), progress=cancel)
    assert list(tmp_path.iterdir()) == []
    assert badge_store.unprinted_ids(db, ids) == ids


def test_a_broken_photo_is_left_out_and_a_good_one_is_drawn(db):
    from PIL import Image

    first, second = badges.select(db)[:2]
    png = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(png, "PNG")
    badge_store.set_photo(db, first, "image/png", png.getvalue())
    badge_store.set_photo(db, second, "image/png", b"not an image")
    pdf = badges.pdf_bytes(db, [first, second], Layout.A6)
    assert pdf.count(b"/Subtype /Image") == 1
    assert len(decode_pages(pdf)) == 2
