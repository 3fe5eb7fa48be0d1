namespace JobWise.ApiService.Model;

public static class JobLimits
{
    public const int Title = 200;
    public const int Company = 200;
    public const int Location = 200;
    public const int Description = 50_000;
    public const int Url = 2048;
}
