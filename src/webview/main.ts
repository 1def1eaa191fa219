// Placeholder webview entry; replaced by the sidebar chat view.
export {};
