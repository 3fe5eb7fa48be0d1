using System.Security.Cryptography;
using System.Text.Json;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>
/// What makes two exports the same file. It hashes the very requests the renderer gets (content, template, format,
/// options and the document title, which names the job and company) and, for a ZIP, the entry names too: whatever
/// ends up in the file is covered by construction, so a shared file never carries another export's job.
/// </summary>
public static class ExportFingerprint
{
    public static string Of(RenderRequest request) => Hash(new { file = request });

    public static string OfZip(IReadOnlyList<BatchEntry> entries) =>
        Hash(new { zip = entries.Select(entry => new { name = entry.FileName, file = entry.Request }) });

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, ContractJson.Options)));
}
