using System.Text.RegularExpressions;
using JobWise.Tests.Infrastructure;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace JobWise.Tests.Deployment;

/// <summary>
/// deploy/kubernetes checked offline, as no cluster runs here: every manifest loads into the Kubernetes client's typed
/// models with strict YAML (an unknown or misspelt field fails), every kustomization lists what exists, and the
/// workloads' environment and ports are the compose deployment's.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string KubernetesRoot = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");
    private static readonly string BaseFolder = Path.Combine(KubernetesRoot, "base");
    private static readonly string TrialFolder = Path.Combine(KubernetesRoot, "overlays", "trial");

    [Fact]
    public void Every_manifest_loads_strictly_into_the_typed_Kubernetes_models()
    {
        var manifests = Directory.EnumerateFiles(KubernetesRoot, "*.yaml", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "kustomization.yaml").ToList();
        Assert.NotEmpty(manifests);
        foreach (var path in manifests)
        {
            var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(path), strict: true);
            Assert.True(objects.Count > 0, $"{path} holds no object");
            Assert.All(objects, item => Assert.IsAssignableFrom<IKubernetesObject>(item));
        }
    }

    [Fact]
    public void Each_kustomization_lists_exactly_the_manifests_beside_it()
    {
        foreach (var folder in new[] { BaseFolder, TrialFolder })
        {
            var kustomization = ReadYamlMap(Path.Combine(folder, "kustomization.yaml"));
            var listed = ((List<object>)kustomization["resources"]).Cast<string>().ToList();
            Assert.All(listed, resource => Assert.True(
                File.Exists(Path.Combine(folder, resource)) || Directory.Exists(Path.Combine(folder, resource)),
                $"{folder}/kustomization.yaml lists {resource}, which does not exist"));
            var beside = Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileName).Where(name => name != "kustomization.yaml");
            Assert.Equal(beside.Order(), listed.Where(resource => resource.EndsWith(".yaml")).Order());
        }
    }

    [Fact]
    public void The_base_has_probes_resources_a_renderer_autoscaler_disruption_budgets_and_a_migration_job()
    {
        var objects = LoadFolder(BaseFolder);
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
            Assert.NotNull(container.Resources?.Requests);
            Assert.NotNull(container.Resources?.Limits);
            Assert.True(container.SecurityContext?.RunAsNonRoot, $"{deployment.Metadata.Name} may run as root");
        }
        Assert.Equal(["api", "renderer", "web"], objects.OfType<V1Deployment>().Select(item => item.Metadata.Name).Order());
        Assert.Equal("renderer", Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>()).Spec.ScaleTargetRef.Name);
        Assert.Equal(["api", "renderer", "web"], objects.OfType<V1PodDisruptionBudget>().Select(item => item.Metadata.Name).Order());
        Assert.Equal(["--migrate"], Assert.Single(objects.OfType<V1Job>()).Spec.Template.Spec.Containers[0].Args);
        Assert.Single(objects.OfType<V1Ingress>());
        Assert.Empty(objects.OfType<V1Secret>());
    }

    [Fact]
    public void The_renderer_gets_no_egress_at_all_and_only_the_api_reaches_it()
    {
        var policy = Assert.Single(LoadFolder(BaseFolder).OfType<V1NetworkPolicy>());
        Assert.Equal("renderer", policy.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Contains("Egress", policy.Spec.PolicyTypes);
        Assert.True(policy.Spec.Egress is null || policy.Spec.Egress.Count == 0);
        var from = Assert.Single(Assert.Single(policy.Spec.Ingress).FromProperty);
        Assert.Equal("api", from.PodSelector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void The_api_migration_and_web_have_the_compose_deployments_environment_and_every_port_matches()
    {
        var compose = ReadYamlMap(Path.Combine(RepositoryPaths.Root, "deploy", "compose.yaml"));
        var services = (Dictionary<object, object>)compose["services"];
        var objects = LoadFolder(BaseFolder).Concat(LoadFolder(TrialFolder)).ToList();

        var api = Assert.Single(objects.OfType<V1Deployment>(), item => item.Metadata.Name == "api").Spec.Template.Spec.Containers[0];
        var migrate = Assert.Single(objects.OfType<V1Job>()).Spec.Template.Spec.Containers[0];
        var composeApi = Environment(services, "api-1");
        AssertSameEnvironment(composeApi, api.Env, "api");
        AssertSameEnvironment(Environment(services, "migrate"), migrate.Env, "migrate");
        var web = Assert.Single(objects.OfType<V1Deployment>(), item => item.Metadata.Name == "web").Spec.Template.Spec.Containers[0];
        AssertSameEnvironment(Environment(services, "web-1"), web.Env, "web");

        // The ports the compose file's addresses name are the ones the Services and containers use.
        var servicePorts = objects.OfType<V1Service>().ToDictionary(service => service.Metadata.Name, service => service.Spec.Ports.Single().Port);
        Assert.Equal(PortIn(composeApi["services__renderer__http__0"]), servicePorts["renderer"]);
        Assert.Equal(PortIn(composeApi["Storage__S3__ServiceUrl"]), servicePorts["s3"]);
        Assert.Equal(int.Parse(Regex.Match(composeApi["ConnectionStrings__jobwise"], @"Port=(\d+)").Groups[1].Value), servicePorts["postgres"]);
        Assert.Equal(int.Parse(Regex.Match(composeApi["ConnectionStrings__cache"], @"^redis:(\d+)").Groups[1].Value), servicePorts["redis"]);
        var edge = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "images", "edge", "edge.conf"));
        Assert.Equal(int.Parse(Regex.Match(edge, @"server api-1:(\d+)").Groups[1].Value), api.Ports.Single().ContainerPort);
        Assert.Equal(servicePorts["api"], api.Ports.Single().ContainerPort);
        Assert.Equal(int.Parse(Regex.Match(edge, @"server web-1:(\d+)").Groups[1].Value), web.Ports.Single().ContainerPort);
        Assert.Equal(servicePorts["web"], web.Ports.Single().ContainerPort);
        Assert.Equal(servicePorts["api"], PortIn(Regex.Match(File.ReadAllText(Path.Combine(BaseFolder, "kustomization.yaml")), @"web-api-url=(\S+)").Groups[1].Value));
    }

    private static void AssertSameEnvironment(Dictionary<string, string> compose, IList<V1EnvVar> kubernetes, string workload)
    {
        Assert.Equal(compose.Keys.Order(), kubernetes.Select(variable => variable.Name).Order());
        // Literal values are the same; the rest come from the Secrets and the settings ConfigMap.
        foreach (var variable in kubernetes.Where(variable => variable.Value is not null))
        {
            Assert.True(compose[variable.Name] == variable.Value,
                $"{workload}: {variable.Name} is '{variable.Value}' on Kubernetes and '{compose[variable.Name]}' in compose.yaml");
        }
    }

    private static Dictionary<string, string> Environment(Dictionary<object, object> services, string service) =>
        ((Dictionary<object, object>)((Dictionary<object, object>)services[service])["environment"])
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value);

    private static int PortIn(string url) => new Uri(url).Port;

    private static List<object> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml").Where(path => Path.GetFileName(path) != "kustomization.yaml")
            .SelectMany(path => KubernetesYaml.LoadAllFromString(File.ReadAllText(path), strict: true)).ToList();

    private static Dictionary<object, object> ReadYamlMap(string path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));
}
