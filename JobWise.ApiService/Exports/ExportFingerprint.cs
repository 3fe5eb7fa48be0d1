using System.Security.Cryptography;
using System.Text.Json;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>What makes two exports the same file: content, template, options and format.</summary>
public static class ExportFingerprint
{
    public static string Of(ResumeDocument content, string template, RenderOptions? options, string format)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { content, template, options, format }, ContractJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
