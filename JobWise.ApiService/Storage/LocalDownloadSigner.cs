using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobWise.ApiService.Storage;

/// <summary>HMAC-SHA256 signatures over (key, expiry) for local-disk download links.</summary>
public sealed class LocalDownloadSigner(byte[] secret)
{
    public string Sign(string key, long expiresUnixSeconds)
    {
        var payload = Encoding.UTF8.GetBytes($"{key}\n{expiresUnixSeconds.ToString(CultureInfo.InvariantCulture)}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(secret, payload));
    }

    public bool IsValid(string key, long expiresUnixSeconds, string token, DateTimeOffset now)
    {
        if (expiresUnixSeconds < now.ToUnixTimeSeconds())
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(key, expiresUnixSeconds));
        var presented = Encoding.ASCII.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
