namespace JobWise.AppHost;

/// <summary>
/// smtp4dev, a well-known mail catcher (the .NET tool in the repository's tool manifest, <c>dotnet tool restore</c>),
/// as the development mail server: the API's mail lands in its web inbox, linked from the dashboard, instead of
/// anyone's mailbox. A deployment points <c>Mail:*</c> at a real SMTP server instead.
/// </summary>
public static class MailCatcher
{
    private const string InboxEndpoint = "http";
    private const string SmtpEndpoint = "smtp";

    public static IResourceBuilder<ExecutableResource> AddMailCatcher(this IDistributedApplicationBuilder builder, string name)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var mail = builder.AddExecutable(name, "dotnet", repositoryRoot, "tool", "run", "smtp4dev", "--")
            .WithHttpEndpoint(name: InboxEndpoint)
            .WithEndpoint(name: SmtpEndpoint, scheme: "tcp")
            .WithUrlForEndpoint(InboxEndpoint, url => url.DisplayText = "Inbox")
            .WithHttpHealthCheck("/api/messages", endpointName: InboxEndpoint);
        var inbox = mail.GetEndpoint(InboxEndpoint);
        var smtp = mail.GetEndpoint(SmtpEndpoint);
        return mail.WithArgs(context =>
        {
            context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{inbox.Property(EndpointProperty.TargetPort)}"));
            context.Args.Add(ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"));
            context.Args.Add("--bindaddress=127.0.0.1");
            // Only the web inbox and SMTP; messages kept in memory, nothing read from or written to the user's settings.
            context.Args.Add("--imapport=");
            context.Args.Add("--pop3port=");
            context.Args.Add("--db=");
            context.Args.Add("--nousersettings");
        });
    }

    /// <summary>
    /// Sends the API's mail to the catcher, with links to the web front end. The API does not wait for it: mail is queued
    /// in PostgreSQL and goes out once the catcher answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMailCatcher(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<ExecutableResource> mail, IResourceBuilder<ProjectResource> web)
    {
        var smtp = mail.GetEndpoint(SmtpEndpoint);
        return api
            .WithEnvironment("Mail__Host", smtp.Property(EndpointProperty.Host))
            .WithEnvironment("Mail__Port", smtp.Property(EndpointProperty.Port))
            .WithEnvironment("Mail__Security", "None")
            .WithEnvironment("Mail__From", "accounts@jobwise.localhost")
            .WithEnvironment("Mail__PublicBaseUrl", web.GetEndpoint("http"));
    }
}
