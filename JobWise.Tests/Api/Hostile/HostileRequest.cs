using System.Text;

namespace JobWise.Tests.Api.Hostile;

/// <summary>One generated request: what it tries (for the failure message) and how to send it.</summary>
public sealed record HostileRequest(string Attack, HttpMethod Method, string Path, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : " " + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)) + (Body.Length > 300 ? $"… ({Body.Length} bytes)" : "");
        var path = Path.Length > 200 ? Path[..200] + "…" : Path;
        return $"{Method} {path} [{Attack}]{(ContentType is null ? "" : " " + ContentType)}{body}";
    }
}
