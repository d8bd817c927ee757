namespace Greet;

public static class Hello
{
    public static string Say() => "hello from Greet";
}
