using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobWise.ApiService.Storage;

/// <summary>
/// HMAC-SHA256 signatures over (key, expiry, file name) for local-disk download links. The name is signed like S3
/// signs its response-content-disposition, so a link serves the name of the export it was made for, even when
/// several exports share one stored file.
/// </summary>
public sealed class LocalDownloadSigner(byte[] secret)
{
    public string Sign(string key, long expiresUnixSeconds, string fileName)
    {
        var payload = Encoding.UTF8.GetBytes($"{key}\n{expiresUnixSeconds.ToString(CultureInfo.InvariantCulture)}\n{fileName}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(secret, payload));
    }

    public bool IsValid(string key, long expiresUnixSeconds, string fileName, string token, DateTimeOffset now)
    {
        if (expiresUnixSeconds < now.ToUnixTimeSeconds())
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(key, expiresUnixSeconds, fileName));
        var presented = Encoding.ASCII.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
