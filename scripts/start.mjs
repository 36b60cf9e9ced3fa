// Placeholder replaced by the gateway in a later change.
console.log('Parley: packages built. The gateway is not part of this tree yet.');
