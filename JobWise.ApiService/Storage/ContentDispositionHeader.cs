using System.Text;

namespace JobWise.ApiService.Storage;

/// <summary>An attachment disposition with a plain ASCII <c>filename</c> and the original in RFC 5987 <c>filename*</c>.</summary>
public static class ContentDispositionHeader
{
    public static string ForAttachment(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
