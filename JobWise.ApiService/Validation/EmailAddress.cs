namespace JobWise.ApiService.Validation;

/// <summary>
/// What the API takes as an email address: <c>local@domain</c> as mail is actually sent (RFC 5321's dot-atom, letters
/// of any script allowed as RFC 6531 does). Comments, quoted local parts and address literals are valid in RFC 5322
/// headers but no mail link or sign-in form needs them, and they are where parsers disagree.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 320;
    private const int MaxLocalPart = 64;
    private const int MaxLabel = 63;
    private const string LocalPartSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsValid(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > MaxLocalPart || value.Length > MaxLength)
        {
            return false;
        }
        var local = value[..at];
        var domain = value[(at + 1)..];
        return DotSeparated(local, int.MaxValue, c => char.IsLetterOrDigit(c) || LocalPartSymbols.Contains(c))
            && DotSeparated(domain, MaxLabel, c => char.IsLetterOrDigit(c) || c == '-')
            && domain.Split('.').All(label => label[0] != '-' && label[^1] != '-');
    }

    /// <summary>Non-empty parts of allowed characters between single dots, none longer than <paramref name="maxPart"/>.</summary>
    private static bool DotSeparated(string value, int maxPart, Func<char, bool> allowed) =>
        value.Split('.').All(part => part.Length > 0 && part.Length <= maxPart && part.All(allowed));
}
