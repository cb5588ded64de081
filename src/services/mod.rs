pub mod exports;
