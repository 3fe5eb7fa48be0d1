namespace JobWise.AppHost;

public enum InfrastructureKind
{
    Containers,
    Local,
}

/// <summary>
/// Reads <c>Infrastructure:Mode</c> (auto | containers | local); auto is containers only when they can start here.
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
        var why = ContainerImages.WhyContainersCannotStart();
        if (why is null)
        {
            return InfrastructureKind.Containers;
        }
        Console.WriteLine($"JobWise infrastructure: local, because {why}");
        return InfrastructureKind.Local;
    }
}
