using System.IO.Compression;

namespace JobWise.ApiService.Exports;

/// <summary>
/// A ZIP written entry by entry into a temporary file that deletes itself on close, so that a batch or an account's
/// data archive never sits whole in memory. The caller owns the returned stream (positioned at the start).
/// </summary>
public static class TemporaryZipFile
{
    /// <summary>
    /// Writes the ZIP with <paramref name="writeEntries"/>; when it returns a failure (or throws) the file is removed
    /// and the failure returned instead.
    /// </summary>
    public static async Task<(FileStream? Zip, TFailure? Failure)> WriteAsync<TFailure>(Func<ZipArchive, FileStream, Task<TFailure?>> writeEntries)
        where TFailure : class
    {
        var zipFile = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            TFailure? failure;
            using (var zip = new ZipArchive(zipFile, ZipArchiveMode.Create, leaveOpen: true))
            {
                failure = await writeEntries(zip, zipFile);
            }
            if (failure is not null)
            {
                await zipFile.DisposeAsync();
                return (null, failure);
            }
            zipFile.Position = 0;
            return (zipFile, null);
        }
        catch
        {
            await zipFile.DisposeAsync();
            throw;
        }
    }
}
