-- Request counters are short-lived: a crash may forget them (a window restarts), and in exchange each hit writes no
-- WAL and waits for no disk flush (every public lookup used to wait for three synchronous commits).
ALTER TABLE rate_limit_counters SET UNLOGGED;
