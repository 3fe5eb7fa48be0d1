namespace JobWise.Tests.Infrastructure;

/// <summary>A fresh folder under /tmp, readable by other users (PostgreSQL runs as `postgres`), removed on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory($"jobwise-{prefix}-").FullName;
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(Path,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing its last file; /tmp is cleaned by the machine.
        }
    }
}
