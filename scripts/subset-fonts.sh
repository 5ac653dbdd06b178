#!/bin/sh
# Rebuilds the diploma's fonts in app/kernel/server/fonts/ from the Debian packages
# fonts-noto-core, fonts-noto-cjk and fonts-droid-fallback, with python3-fonttools (pyftsubset).
# The subsets keep the scripts the diploma prints (see the README there); the PDF writer subsets
# them once more, to the glyphs one diploma uses.
set -eu
OUT=app/kernel/server/fonts
NOTO=/usr/share/fonts/truetype/noto
PY=${PYTHON:-/usr/bin/python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
subset() { "$PY" -m fontTools.subset "$@" --no-hinting --desubroutinize --no-glyph-names --name-IDs='*' --name-languages='*'; }

PUNCT="U+0020-007E,U+00A0-00FF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,U+2212,U+25CC"
LATIN="$PUNCT,U+0100-024F,U+0259,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,U+FB00-FB06"
GREEK_CYRILLIC="U+0370-03FF,U+1F00-1FFF,U+0400-052F"
for w in Regular Bold; do
  subset "$NOTO/NotoSans-$w.ttf" --unicodes="$LATIN,$GREEK_CYRILLIC" --output-file="$OUT/NotoSans-$w.ttf"
  subset "$NOTO/NotoNaskhArabic-$w.ttf" --unicodes="$PUNCT,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF" \
    --output-file="$OUT/NotoNaskhArabic-$w.ttf"
  subset "$NOTO/NotoSansHebrew-$w.ttf" --unicodes="$PUNCT,U+0590-05FF,U+FB1D-FB4F" --output-file="$OUT/NotoSansHebrew-$w.ttf"
  subset "$NOTO/NotoSansThai-$w.ttf" --unicodes="$PUNCT,U+0E00-0E7F" --output-file="$OUT/NotoSansThai-$w.ttf"
done

# Han: GB2312 (levels 1 and 2), Big5 level 1 and JIS X 0208 (levels 1 and 2); Hangul: the
# 2,350 syllables of KS X 1001. Droid Sans Fallback has TrueType outlines but hardly any Hangul;
# Noto Sans CJK KR has CFF outlines, which are converted to TrueType ones (fontTools' cu2qu).
"$PY" - "$TMP" <<'PY'
import sys
def table(codec, rows, cols):
    out = set()
    for hi in rows:
        for lo in cols:
            try:
                out.add(bytes([hi, lo]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out
sjis_cols = list(range(0x40, 0x7F)) + list(range(0x80, 0xFD))
han = (table("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
       | table("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
       | table("shift_jis", list(range(0x88, 0xA0)) + list(range(0xE0, 0xEB)), sjis_cols))
han = {c for c in han if 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF}
hangul = {c for c in table("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)) if 0xAC00 <= ord(c) <= 0xD7A3}
open(sys.argv[1] + "/han.txt", "w").write("".join(sorted(han)))
open(sys.argv[1] + "/hangul.txt", "w").write("".join(sorted(hangul)))
from fontTools.ttLib import TTCollection
TTCollection("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").fonts[1].save(sys.argv[1] + "/kr.otf")
PY
subset /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf --text-file="$TMP/han.txt" \
  --unicodes="U+0020,U+3000-303F,U+3040-30FF,U+31F0-31FF,U+FF00-FFEF" --output-file="$OUT/DroidSansFallback-CJK.ttf"
subset "$TMP/kr.otf" --text-file="$TMP/hangul.txt" --unicodes="U+0020,U+3131-318E" --output-file="$TMP/kr-subset.otf"
"$PY" - "$TMP/kr-subset.otf" "$OUT/NotoSansCJKkr-Hangul.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
font = TTFont(sys.argv[1])
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder, glyf.glyphs = order, {}
for name in order:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf[name] = pen.glyph()
font["loca"], font["glyf"] = newTable("loca"), glyf
maxp = font["maxp"]
maxp.tableVersion = 0x00010000
for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
    setattr(maxp, field, 1 if field == "maxZones" else 0)
font["post"].formatType = 3.0
for tag in ("CFF ", "VORG"):
    if tag in font:
        del font[tag]
font["head"].glyphDataFormat = 0
font.sfntVersion = "\x00\x01\x00\x00"
font.save(sys.argv[2])
PY
ls -l "$OUT"
