using System.Diagnostics;

namespace JobWise.AppHost;

public enum InfrastructureKind
{
    Containers,
    Local,
}

/// <summary>
/// Reads <c>Infrastructure:Mode</c> (auto | containers | local) and, for auto, asks whether a container runtime answers.
/// </summary>
public static class InfrastructureMode
{
    public const string SettingName = "Infrastructure:Mode";

    public static InfrastructureKind Resolve(IDistributedApplicationBuilder builder)
    {
        var setting = builder.Configuration[SettingName];
        var kind = (setting ?? "auto").Trim().ToLowerInvariant() switch
        {
            "containers" => InfrastructureKind.Containers,
            "local" => InfrastructureKind.Local,
            "auto" or "" => ResolveAuto(builder),
            var other => throw new InvalidOperationException(
                $"{SettingName} is '{other}'; expected auto, containers or local."),
        };
        Console.WriteLine($"JobWise infrastructure mode: {kind.ToString().ToLowerInvariant()} ({SettingName}={setting ?? "auto"})");
        return kind;
    }

    private static InfrastructureKind ResolveAuto(IDistributedApplicationBuilder builder)
    {
        // A deployment manifest describes containers whatever this machine has.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureKind.Containers;
        }
        return ContainerRuntimeAnswers() ? InfrastructureKind.Containers : InfrastructureKind.Local;
    }

    private static bool ContainerRuntimeAnswers()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ID}}")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }
                if (process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }
        return false;
    }
}
