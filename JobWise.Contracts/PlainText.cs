using System.Globalization;

namespace JobWise.Contracts;

/// <summary>
/// The one rule for what text the services accept, used by every reader of client text. Refused: C0 control characters
/// other than tab, line feed and carriage return; Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last
/// two code points of every plane); and surrogates that are not part of a pair. Why: PostgreSQL text cannot hold NUL,
/// DOCX is XML 1.0, which has no place for the rest, and text that reaches a template must be text a reader can see.
/// </summary>
public static class PlainText
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else what is wrong with it (to follow a field name).</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character < ' ')
            {
                if (character is not ('\t' or '\n' or '\r'))
                {
                    return $"must not contain the control character {CodePoint(character)}";
                }
            }
            else if (char.IsSurrogate(character))
            {
                if (!char.IsHighSurrogate(character) || index + 1 == value.Length || !char.IsLowSurrogate(value[index + 1]))
                {
                    return $"must not contain an unpaired surrogate ({CodePoint(character)}); it is not text";
                }
                var codePoint = char.ConvertToUtf32(character, value[++index]);
                if (IsNonCharacter(codePoint))
                {
                    return $"must not contain the non-character {CodePoint(codePoint)}";
                }
            }
            else if (IsNonCharacter(character))
            {
                return $"must not contain the non-character {CodePoint(character)}";
            }
        }
        return null;
    }

    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string CodePoint(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
