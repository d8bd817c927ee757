Console.WriteLine(Greet.Hello.Say());
Thread.Sleep(Timeout.Infinite);
