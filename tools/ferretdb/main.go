// Command ferretdb-embedded runs FerretDB v1 (MongoDB wire protocol) with its SQLite
// handler, embedded through package github.com/FerretDB/FerretDB/ferretdb.
//
// It exists because a plain `go install` of FerretDB's own binary panics on a missing
// generated version file; the embeddable package does not need it. The integration
// tests use it as their MongoDB server (see scripts/servers/start-ferretdb.sh).
//
// Flags (each with an environment fallback):
//
//	-listen   TCP address to listen on      (MONGO_LISTEN, default 127.0.0.1:$MONGO_PORT or 127.0.0.1:27117)
//	-data     SQLite data directory         (FERRETDB_DATA_DIR, default ./ferretdb-data)
//	-log      log level: debug|info|warn|error (FERRETDB_LOG_LEVEL, default info)
//
// SIGINT/SIGTERM stop the listener, close client connections and the SQLite backend,
// then the process exits 0.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	defaultListen := "127.0.0.1:" + env("MONGO_PORT", "27117")
	listen := flag.String("listen", env("MONGO_LISTEN", defaultListen), "TCP address to listen on")
	dataDir := flag.String("data", env("FERRETDB_DATA_DIR", "ferretdb-data"), "SQLite data directory")
	logLevel := flag.String("log", env("FERRETDB_LOG_LEVEL", "info"), "log level: debug, info, warn, error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid log level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		logger.Error("bad data directory", "dir", *dataDir, "error", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		logger.Error("cannot create data directory", "dir", dir, "error", err)
		os.Exit(1)
	}
	// FerretDB's SQLite handler wants a "file:" URI naming a directory, with a trailing slash.
	sqliteURL := "file:" + strings.TrimSuffix(filepath.ToSlash(dir), "/") + "/"

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the listener is bound, so this line means "ready to accept".
	logger.Info("FerretDB embedded listening", "uri", f.MongoDBURI(), "sqlite", sqliteURL, "pid", os.Getpid())

	if err := <-done; err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
	logger.Info("FerretDB stopped")
}
