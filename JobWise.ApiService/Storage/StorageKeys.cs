namespace JobWise.ApiService.Storage;

/// <summary>What a storage key may look like: relative segments of safe characters, nothing that climbs out.</summary>
public static class StorageKeys
{
    public static bool IsSafe(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512 || key.StartsWith('/'))
        {
            return false;
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || !segment.All(IsSafeChar))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsSafeChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
