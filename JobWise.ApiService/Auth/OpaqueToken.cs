using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace JobWise.ApiService.Auth;

/// <summary>A secret handed out once (refresh tokens, mailed tokens): 256 random bits; only its SHA-256 hash is kept.</summary>
public static class OpaqueToken
{
    private const int TokenBytes = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
