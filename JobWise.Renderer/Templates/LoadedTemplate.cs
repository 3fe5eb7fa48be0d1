using Fluid;

namespace JobWise.Renderer.Templates;

/// <summary>One template folder, parsed once at start.</summary>
public sealed record LoadedTemplate(TemplateMetadata Metadata, IFluidTemplate Markup, string Stylesheet);
